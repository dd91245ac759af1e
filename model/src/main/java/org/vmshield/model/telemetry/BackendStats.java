package org.vmshield.model.telemetry;

/**
 * One backend (one VM's endpoint inside a pool) over one interval.
 *
 * @param backendId the backend's id in its pool (by convention the VM's name)
 * @param address host:port it is reached at
 * @param state {@code active}, {@code draining}, {@code paused} or {@code maintenance}
 * @param weight its current weight
 * @param healthy false while health checks or outlier detection have ejected it
 * @param traffic its figures
 */
public record BackendStats(
        String backendId, String address, String state, int weight, boolean healthy, TrafficStats traffic) {}
