package org.vmshield.brain.plan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.HostState;
import org.vmshield.brain.model.InFlightAction;
import org.vmshield.brain.model.InFlightKind;
import org.vmshield.brain.model.VmState;

/**
 * What one planner tick has committed so far: capacity reserved on hosts, migrations per host
 * and in the cluster (in flight plus planned), VMs already acted on. Every choice goes through
 * it, so that no plan over-commits a host or exceeds a limit. Only touched hosts are recorded,
 * so a tick allocates little however large the cluster.
 */
final class TickLedger {
    private final ClusterState cluster;
    private final PlannerConfig config;
    private final long nowMillis;
    private final Map<String, double[]> reserved = new HashMap<>(); // host -> {cpuCores, memoryMiB}
    private final Map<String, Integer> migrationsPerHost = new HashMap<>();
    private final Set<String> busyVms = new HashSet<>();
    // Touched hosts by free CPU (most first), then free memory (most first), then name.
    private final java.util.TreeSet<String> touchedByFree = new java.util.TreeSet<>(this::compareTouched);
    private int clusterMigrations;
    private int untouchedCursor; // ranks before it are all touched: the walk for untouched hosts starts here

    TickLedger(ClusterState cluster, PlannerConfig config, long nowMillis) {
        this.cluster = cluster;
        this.config = config;
        this.nowMillis = nowMillis;
        for (InFlightAction a : cluster.inFlight()) {
            busyVms.add(a.vm());
            if (a.kind() == InFlightKind.MIGRATION) {
                clusterMigrations++;
                migrationsPerHost.merge(a.fromHost(), 1, Integer::sum);
                migrationsPerHost.merge(a.toHost(), 1, Integer::sum);
            }
        }
    }

    long nowMillis() {
        return nowMillis;
    }

    ClusterState cluster() {
        return cluster;
    }

    /** Returns true when the VM has an action in flight or already planned this tick. */
    boolean isBusy(String vm) {
        return busyVms.contains(vm);
    }

    /** Marks a VM as acted on (a version switch, a scale-in). */
    void markBusy(String vm) {
        busyVms.add(vm);
    }

    /**
     * Returns why the VM may not start a migration now (in flight, cooldown, budget, cluster or
     * source-host limit), or {@code null} when it may.
     */
    String migrationRefusal(VmState vm) {
        if (busyVms.contains(vm.name())) {
            return "vm " + vm.name() + " already has an action in flight or planned";
        }
        long last = vm.lastMigrationMillis();
        if (last != VmState.NEVER && nowMillis - last < config.vmCooldownMillis()) {
            return String.format(Locale.ROOT, "vm %s in cooldown: migrated %d s ago (cooldown %d s)", vm.name(),
                    (nowMillis - last) / 1000, config.vmCooldownMillis() / 1000);
        }
        int recent = vm.migrationsSince(nowMillis - config.budgetWindowMillis());
        if (recent >= config.migrationBudgetPerVm()) {
            return String.format(Locale.ROOT, "vm %s migration budget spent: %d in the last %d s (budget %d)",
                    vm.name(), recent, config.budgetWindowMillis() / 1000, config.migrationBudgetPerVm());
        }
        if (clusterMigrations >= config.maxMigrationsPerCluster()) {
            return "cluster already runs " + clusterMigrations + " migrations (limit "
                    + config.maxMigrationsPerCluster() + ")";
        }
        if (migrationsOn(vm.host()) >= config.maxMigrationsPerHost()) {
            return "host " + vm.host() + " already runs " + migrationsOn(vm.host()) + " migrations (limit "
                    + config.maxMigrationsPerHost() + ")";
        }
        return null;
    }

    int migrationsOn(String host) {
        return migrationsPerHost.getOrDefault(host, 0);
    }

    /** Returns the CPU cores still free on a host after what this tick reserved. */
    double freeCpuCores(HostState h) {
        double[] r = reserved.get(h.name());
        return h.cpuCapacityCores() - cluster.committedCpuCores(h.name()) - (r == null ? 0 : r[0]);
    }

    /** Returns the memory still free on a host after what this tick reserved. */
    double freeMemoryMiB(HostState h) {
        double[] r = reserved.get(h.name());
        return h.memoryCapacityMiB() - cluster.committedMemoryMiB(h.name()) - (r == null ? 0 : r[1]);
    }

    /** Returns true when {@code host} can take the VM's demand (as {@link #placementRefusal}, without the text). */
    boolean fits(HostState host, VmState vm, double cpuCores, long memoryMiB, boolean migration) {
        if (!host.schedulable() || (migration && migrationsOn(host.name()) >= config.maxMigrationsPerHost())) {
            return false;
        }
        for (String label : vm.antiAffinityLabels()) {
            if (host.labels().contains(label)) {
                return false;
            }
        }
        return cpuCores <= freeCpuCores(host) + 1e-9 && memoryMiB <= freeMemoryMiB(host);
    }

    /**
     * Returns why {@code host} cannot take a VM needing {@code cpuCores} and {@code memoryMiB}, or
     * {@code null} when it can. {@code migration} also checks the host's migration limit.
     */
    String placementRefusal(HostState host, VmState vm, double cpuCores, long memoryMiB, boolean migration) {
        if (!host.schedulable()) {
            return "host " + host.name() + " not schedulable";
        }
        for (String label : vm.antiAffinityLabels()) {
            if (host.labels().contains(label)) {
                return "host " + host.name() + " has label " + label + " (anti-affinity of " + vm.name() + ")";
            }
        }
        if (migration && migrationsOn(host.name()) >= config.maxMigrationsPerHost()) {
            return "host " + host.name() + " already runs " + migrationsOn(host.name()) + " migrations";
        }
        double freeCpu = freeCpuCores(host);
        if (cpuCores > freeCpu + 1e-9) {
            return String.format(Locale.ROOT, "host %s has %.2f cores free (needs %.2f)", host.name(), freeCpu, cpuCores);
        }
        double freeMem = freeMemoryMiB(host);
        if (memoryMiB > freeMem) {
            return String.format(Locale.ROOT, "host %s has %.0f MiB free (needs %d)", host.name(), freeMem, memoryMiB);
        }
        return null;
    }

    /**
     * Returns the host, other than {@code excludedHost}, that can take the VM's demand and leaves
     * the most CPU headroom, or {@code null}. Walks hosts in the cluster's precomputed headroom
     * order (ties by name) and stops at the first fit among untouched hosts; hosts touched this
     * tick are kept ordered by their headroom after reservations (ties: more memory, then name)
     * and win only with strictly more headroom, or equal headroom and the tie-break.
     */
    HostState bestHost(VmState vm, double cpuCores, long memoryMiB, String excludedHost, boolean migration) {
        List<HostState> hosts = cluster.hosts();
        HostState best = null;
        while (untouchedCursor < hosts.size()
                && reserved.containsKey(hosts.get(cluster.hostAtHeadroomRank(untouchedCursor)).name())) {
            untouchedCursor++;
        }
        for (int rank = untouchedCursor; rank < hosts.size(); rank++) {
            HostState h = hosts.get(cluster.hostAtHeadroomRank(rank));
            if (reserved.containsKey(h.name()) || h.name().equals(excludedHost)) {
                continue;
            }
            if (h.cpuCapacityCores() - cluster.committedCpuCores(h.name()) < cpuCores - 1e-9) {
                break; // every later host has even less CPU free
            }
            if (fits(h, vm, cpuCores, memoryMiB, migration)) {
                best = h;
                break;
            }
        }
        for (String name : touchedByFree) {
            HostState h = cluster.host(name).orElseThrow();
            if (best != null && compareHosts(h, best) > 0) {
                break; // this and every later touched host leave less headroom than the untouched best
            }
            if (freeCpuCores(h) < cpuCores - 1e-9) {
                break;
            }
            if (!name.equals(excludedHost) && fits(h, vm, cpuCores, memoryMiB, migration)) {
                return h;
            }
        }
        return best;
    }

    /** Orders hosts by free CPU (most first), then free memory (most first), then name. */
    private int compareHosts(HostState a, HostState b) {
        int c = Double.compare(freeCpuCores(b), freeCpuCores(a));
        if (c != 0) {
            return c;
        }
        c = Double.compare(freeMemoryMiB(b), freeMemoryMiB(a));
        return c != 0 ? c : a.name().compareTo(b.name());
    }

    private int compareTouched(String a, String b) {
        return compareHosts(cluster.host(a).orElseThrow(), cluster.host(b).orElseThrow());
    }

    /** Reserves capacity on a host for a VM arriving there. */
    void reserve(String host, double cpuCores, long memoryMiB) {
        touchedByFree.remove(host); // its key changes: take it out while the old order still holds
        double[] r = reserved.computeIfAbsent(host, k -> new double[2]);
        r[0] += cpuCores;
        r[1] += memoryMiB;
        touchedByFree.add(host);
    }

    /** Records a planned migration: counts it on both hosts and the cluster, reserves the destination. */
    void recordMigration(VmState vm, String toHost) {
        busyVms.add(vm.name());
        clusterMigrations++;
        migrationsPerHost.merge(vm.host(), 1, Integer::sum);
        migrationsPerHost.merge(toHost, 1, Integer::sum);
        reserve(toHost, vm.cpuCapCores(), vm.memoryMiB());
    }
}
