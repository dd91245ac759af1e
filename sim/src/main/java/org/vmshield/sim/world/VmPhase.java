package org.vmshield.sim.world;

/** Life phase of a simulated VM. */
public enum VmPhase {
    /** Booting and passing health checks: no traffic yet. */
    STARTING,
    /** Serving. */
    RUNNING,
    /** Serving while a live migration copies it. */
    MIGRATING,
    /** Draining before it stops: no new requests. */
    STOPPING
}
