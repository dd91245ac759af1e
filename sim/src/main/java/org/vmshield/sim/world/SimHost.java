package org.vmshield.sim.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One simulated host: fixed capacity, the VMs on it, and this tick's CPU figures. Mutable; one thread. */
public final class SimHost {
    public final String name;
    public final double cpuCores;
    public final long memoryMiB;
    public final Set<String> labels;
    /** VMs that occupy it (running, starting, or the source side of a migration), in arrival order. */
    public final List<SimVm> vms = new ArrayList<>();
    /** CPU outside the VMs this tick: packet processing, migrations. */
    public double overheadCores;
    /** CPU used this tick (overhead plus the VMs' allocations). */
    public double usedCores;
    /** Share of wanted CPU that was not granted this tick (0..1). */
    public double throttledFraction;
    /** Migrations touching this host now (source or destination). */
    public int activeMigrations;

    /** Creates an empty host. */
    public SimHost(String name, double cpuCores, long memoryMiB, Set<String> labels) {
        this.name = name;
        this.cpuCores = cpuCores;
        this.memoryMiB = memoryMiB;
        this.labels = Set.copyOf(labels);
    }

    /** Returns the memory of the VMs on it. */
    public long memoryUsedMiB() {
        long m = 0;
        for (SimVm v : vms) {
            m += v.memoryMiB;
        }
        return m;
    }
}
