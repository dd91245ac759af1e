package org.vmshield.hypervisor.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The per-VM CPU caps of one host slice: a child cgroup per capped VM in the CPU hierarchy, with a
 * quota below the host's (libvirt's per-VM {@code <period>/<quota>}). Why: a host's quota, once
 * spent, stops every thread of the host until the next period, whatever their priority; a VM held
 * below the host's quota leaves room in every period for its neighbours.
 *
 * <p>cgroup v1 only: v2 allows no child groups under a slice that holds processes, and a slice's
 * memory and CPU accounting stay with the slice (only the {@code cpu} hierarchy gets children).
 * Thread-safe: creating a group and removing empty ones do not race.
 */
public final class VmCpuGroups {
    private final CgroupBackend backend;
    private final String host;

    VmCpuGroups(CgroupBackend backend, String host) {
        this.backend = backend;
        this.host = host;
    }

    /** Returns whether this machine's cgroups can cap a VM below its host. */
    public boolean supported() {
        return backend.hostCpuDir(host).isPresent();
    }

    /**
     * Caps process {@code pid} (all its threads, and those it starts later) at {@code cpuCores}
     * within the host, in group {@code group}; a group that exists gets the new cap.
     *
     * @throws IllegalArgumentException a bad group name, pid or cap
     * @throws CgroupException cgroup v2, or the cgroup files refused it (the process keeps its place)
     */
    public synchronized void cap(String group, long pid, double cpuCores) {
        LocalHostCgroups.requireName(group, "group");
        if (pid <= 0) {
            throw new IllegalArgumentException("pid: " + pid + " (expected: > 0)");
        }
        LocalHostCgroups.requireCpuCores(cpuCores);
        Path dir = groupDir(group);
        boolean created = !Files.isDirectory(dir);
        CgroupFiles.mkdirs(dir);
        try {
            CgroupFiles.write(dir.resolve("cpu.cfs_period_us"), Long.toString(CgroupBackend.PERIOD_MICROS));
            CgroupFiles.write(dir.resolve("cpu.cfs_quota_us"), Long.toString(CgroupBackend.quotaMicros(cpuCores)));
            CgroupFiles.write(dir.resolve("cgroup.procs"), Long.toString(pid));
        } catch (CgroupException e) {
            if (created) {
                LocalHostSlice.evacuateAndRemove(dir, dir.getParent());
            }
            throw new CgroupException("host " + host + ": cannot cap process " + pid + " at " + cpuCores
                    + " cores: " + e.getMessage(), e);
        }
    }

    /** Moves the processes of group {@code group} back to the host and removes the group; false when there is none. */
    public synchronized boolean uncap(String group) {
        LocalHostCgroups.requireName(group, "group");
        if (!supported()) {
            return false;
        }
        Path dir = groupDir(group);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        LocalHostSlice.evacuateAndRemove(dir, dir.getParent());
        return true;
    }

    /** Returns the throttling counters of each group, by name (empty on cgroup v2). */
    public synchronized Map<String, SliceUsage> usage() {
        Map<String, SliceUsage> usage = new LinkedHashMap<>();
        for (Path dir : groupDirs()) {
            try {
                Map<String, Long> stat = CgroupFiles.readKeyed(dir.resolve("cpu.stat"));
                usage.put(dir.getFileName().toString(), new SliceUsage(0, stat.getOrDefault("nr_periods", 0L),
                        stat.getOrDefault("nr_throttled", 0L), stat.getOrDefault("throttled_time", 0L), 0));
            } catch (CgroupException e) {
                // removed meanwhile (its process exited and the group with it): nothing to report
            }
        }
        return usage;
    }

    /** Removes the groups whose processes have all exited (a stopped or migrated VM's); returns how many. */
    public synchronized int removeEmpty() {
        int removed = 0;
        for (Path dir : groupDirs()) {
            try {
                if (CgroupFiles.readPids(dir.resolve("cgroup.procs")).isEmpty() && CgroupFiles.rmdir(dir)) {
                    removed++;
                }
            } catch (CgroupException e) {
                // a process joined or is still leaving: removed on a later call
            }
        }
        return removed;
    }

    /** Returns the group directories that exist now. */
    List<Path> groupDirs() {
        var hostDir = backend.hostCpuDir(host);
        if (hostDir.isEmpty() || !Files.isDirectory(hostDir.get())) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(hostDir.get())) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new CgroupException("cannot list " + hostDir.get() + ": " + e, e);
        }
    }

    private Path groupDir(String group) {
        return backend.hostCpuDir(host).orElseThrow(() -> new CgroupException("host " + host
                + ": per-VM CPU caps need cgroup v1 (cgroup v2 allows no child group under a host slice"
                + " that holds processes)")).resolve(group);
    }
}
