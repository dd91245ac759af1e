package org.vmshield.hypervisor.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of one cgroup version. A slice has one directory per hierarchy it lives in (v1:
 * cpu, cpuacct and memory, fewer when co-mounted; v2: one), always {@code base/group/host}.
 */
abstract class CgroupBackend {
    // 20 ms, not the kernel's 100 ms: a throttled slice waits for the next period, and a 0.5-core host
    // throttled for 50 ms at a time held its critical VM's requests for up to 50 ms (its p99 showed it);
    // with 20 ms periods the wait is at most 10 ms. The smallest host (0.05 cores) still gets 1 ms.
    static final long PERIOD_MICROS = 20_000;
    static final long MIN_QUOTA_MICROS = 1_000;

    final String group;

    CgroupBackend(String group) {
        this.group = group;
    }

    /** Returns "v1" or "v2". */
    abstract String version();

    /** Returns, per hierarchy, the cgroup that holds the group directory. */
    abstract List<Path> baseDirs();

    /** Returns the mount points to search for leftover groups. */
    abstract List<Path> scanRoots();

    /** Creates the group directories (and enables controllers where needed). */
    abstract void prepareGroup();

    abstract void writeCpuCores(String host, double cores);

    abstract double readCpuCores(String host);

    /** Writes the slice's CPU weight, in cgroup v1 {@code cpu.shares} units (1024 = one process). */
    abstract void writeCpuShares(String host, long shares);

    /** Reads the slice's CPU weight back, in cgroup v1 {@code cpu.shares} units. */
    abstract long readCpuShares(String host);

    abstract void writeMemoryBytes(String host, long bytes);

    abstract long readMemoryLimitBytes(String host);

    abstract SliceUsage readUsage(String host);

    /** Returns slice {@code host}'s directory in the hierarchy where its VMs can get CPU caps of their own; empty when none can. */
    abstract Optional<Path> hostCpuDir(String host);

    /** Returns, per hierarchy, the group directory. */
    final List<Path> groupDirs() {
        List<Path> dirs = new ArrayList<>();
        for (Path base : baseDirs()) {
            dirs.add(base.resolve(group));
        }
        return dirs;
    }

    /** Returns, per hierarchy, the directory of slice {@code host}. */
    final List<Path> sliceDirs(String host) {
        List<Path> dirs = new ArrayList<>();
        for (Path dir : groupDirs()) {
            dirs.add(dir.resolve(host));
        }
        return dirs;
    }

    static long quotaMicros(double cores) {
        return Math.max(MIN_QUOTA_MICROS, Math.round(cores * PERIOD_MICROS));
    }
}
