package org.vmshield.controller.actuate;

import java.util.Map;
import java.util.Objects;

/**
 * What the actuator needs to know beyond its collaborators.
 *
 * @param poolOfService the balancer pool of each service
 * @param healthPathOfService the path checked on each service's VMs
 * @param userNetworking true for QEMU user networking (a migrated VM's endpoint changes: pause,
 *     switch address, resume); false for bridge networking (the VM keeps its address)
 * @param stepTimeoutMillis how long one step (start a VM, a health check, a drain) may take
 * @param migrationTimeoutMillis how long a migration may take before it is cancelled
 */
public record ActuatorSettings(Map<String, String> poolOfService, Map<String, String> healthPathOfService,
        boolean userNetworking, long stepTimeoutMillis, long migrationTimeoutMillis) {
    public ActuatorSettings {
        poolOfService = Map.copyOf(poolOfService);
        healthPathOfService = Map.copyOf(healthPathOfService);
        if (stepTimeoutMillis <= 0 || migrationTimeoutMillis <= 0) {
            throw new IllegalArgumentException("timeouts: %s, %s (expected: > 0)"
                    .formatted(stepTimeoutMillis, migrationTimeoutMillis));
        }
    }

    /** Returns the pool of a service; fails when the service is unknown. */
    public String poolOf(String service) {
        return Objects.requireNonNull(poolOfService.get(service), () -> "service " + service + " has no pool");
    }

    /** Returns the health path of a service ({@code /health} by default). */
    public String healthPathOf(String service) {
        return healthPathOfService.getOrDefault(service, "/health");
    }
}
