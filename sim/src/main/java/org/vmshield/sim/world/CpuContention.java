package org.vmshield.sim.world;

import java.util.Arrays;
import java.util.List;

/**
 * Shares a host's CPU among its VMs the way CFS shares it among vCPU threads of equal weight:
 * weighted max-min fairness (water-filling). Host overhead (packet processing, migration threads)
 * is served first, as kernel work; the rest is split with weight = the VM's vCPUs, each VM getting
 * at most what it wants (its demand, capped by its CPU cap). A VM that wants less than its fair share
 * leaves the remainder to the others.
 */
public final class CpuContention {
    private CpuContention() {}

    /**
     * Sets {@code allocCores} of every VM in {@code vms} and the host's used cores and throttled fraction.
     * {@code wanted[i]} is what VM i would use with no contention (demand capped by its cap).
     */
    public static void share(SimHost host, List<SimVm> vms, double[] wanted, double[] caps) {
        int n = vms.size();
        double available = Math.max(0, host.cpuCores - host.overheadCores);
        double totalWanted = 0;
        for (double w : wanted) {
            totalWanted += w;
        }
        if (totalWanted <= available) {
            double spare = available - totalWanted;
            for (int i = 0; i < n; i++) {
                SimVm v = vms.get(i);
                v.allocCores = wanted[i];
                // what it could use if it asked for more: its cap, or what is left on the host
                v.capacityCores = Math.min(caps[i], wanted[i] + spare);
            }
            host.usedCores = Math.min(host.cpuCores, host.overheadCores + totalWanted);
            host.throttledFraction = host.overheadCores > host.cpuCores ? 1 - host.cpuCores / host.overheadCores : 0;
            return;
        }
        // Water-filling: raise a level L; VM i gets min(wanted_i, weight_i * L).
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(wanted[a] / vms.get(a).vcpus, wanted[b] / vms.get(b).vcpus));
        double left = available;
        double weightLeft = 0;
        for (SimVm v : vms) {
            weightLeft += v.vcpus;
        }
        double level = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            SimVm v = vms.get(i);
            double fair = left * v.vcpus / weightLeft;
            double got = Math.min(wanted[i], fair);
            v.allocCores = got;
            level = fair / v.vcpus;
            left -= got;
            weightLeft -= v.vcpus;
        }
        for (int i = 0; i < n; i++) {
            SimVm v = vms.get(i);
            // a VM that got all it wanted could have had its fair share; one that did not has what it got
            v.capacityCores = v.allocCores < wanted[i] ? v.allocCores : Math.min(caps[i], Math.max(v.allocCores, level * v.vcpus));
        }
        host.usedCores = host.cpuCores;
        double wantedAll = host.overheadCores + totalWanted;
        host.throttledFraction = Math.min(1, Math.max(0, 1 - host.cpuCores / wantedAll));
    }
}
