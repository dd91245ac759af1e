package org.vmshield.sim.world;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.vmshield.brain.model.Criticality;
import org.vmshield.brain.model.MigrationOptions;

/** One simulated VM and this tick's figures. Mutable; one thread. */
public final class SimVm {
    public final String name;
    public final SimService service;
    public final int vcpus;
    public final double cpuCapCores;
    public final long memoryMiB;
    public final double idleDirtyMiBPerSec;
    public final double dirtyMiBPerSecPerCore;
    public final Criticality criticality;
    public final MigrationOptions migration;
    public final List<String> antiAffinity;
    public SimHost host;
    public String version;
    public VmPhase phase;
    /** Backend state in the pool: {@code active}, {@code draining}, {@code paused}. */
    public String backendState = "active";
    public int weight = 100;
    /** Start times of its migrations in the last hour, oldest first. */
    public final Deque<Long> migrationTimesMillis = new ArrayDeque<>();
    /** Guest CPU throttle of a running auto-converge (0..1). */
    public double throttle;
    /** Milliseconds of this tick during which the guest is paused (migration downtime). */
    public double pausedMillisThisTick;

    // this tick's load
    public double arrivalsRps;
    public double legitArrivalsRps;
    public double workCoresDemand;
    public double allocCores;
    /** CPU it could get this tick if it wanted more (its share under contention, else its cap or the host's room). */
    public double capacityCores;
    public double meanLatencyMillis;
    public double successFraction = 1;
    public double stretch = 1;

    /** Creates a VM; it is placed on {@code host} by {@link World#place}. */
    public SimVm(String name, SimService service, String version, int vcpus, double cpuCapCores, long memoryMiB,
            double idleDirtyMiBPerSec, double dirtyMiBPerSecPerCore, Criticality criticality, MigrationOptions migration,
            List<String> antiAffinity, VmPhase phase) {
        this.name = name;
        this.service = service;
        this.version = version;
        this.vcpus = vcpus;
        this.cpuCapCores = cpuCapCores;
        this.memoryMiB = memoryMiB;
        this.idleDirtyMiBPerSec = idleDirtyMiBPerSec;
        this.dirtyMiBPerSecPerCore = dirtyMiBPerSecPerCore;
        this.criticality = criticality;
        this.migration = migration;
        this.antiAffinity = List.copyOf(antiAffinity);
        this.phase = phase;
    }

    /** Returns its memory dirty rate now: idle rate plus a rate per core it uses, lowered by a throttle. */
    public double dirtyRateMiBPerSec() {
        return (idleDirtyMiBPerSec + dirtyMiBPerSecPerCore * allocCores) * (1 - throttle);
    }

    /** Returns true when the balancer may send it new requests. */
    public boolean takesTraffic() {
        return (phase == VmPhase.RUNNING || phase == VmPhase.MIGRATING) && backendState.equals("active") && weight > 0;
    }

    /** Returns its CPU cap now (lowered while auto-converge throttles it). */
    public double effectiveCapCores() {
        return cpuCapCores * (1 - throttle);
    }
}
