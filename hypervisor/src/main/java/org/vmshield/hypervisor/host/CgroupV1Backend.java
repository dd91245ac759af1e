package org.vmshield.hypervisor.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * cgroup v1: quota in {@code cpu}, usage in {@code cpuacct}, limit and usage in {@code memory}.
 * The group sits below this process's own cgroup in each hierarchy, so that what vmshield starts
 * stays inside the limits vmshield itself runs under (at the root on a plain machine).
 */
final class CgroupV1Backend extends CgroupBackend {
    private final Path cpuBase;
    private final Path cpuacctBase;
    private final Path memoryBase;
    private final List<Path> mounts;

    CgroupV1Backend(CgroupMounts mounts, String group) {
        super(group);
        this.cpuBase = mounts.ownV1Dir("cpu");
        this.cpuacctBase = mounts.ownV1Dir("cpuacct");
        this.memoryBase = mounts.ownV1Dir("memory");
        this.mounts = List.of(mounts.v1Mounts().get("cpu"), mounts.v1Mounts().get("cpuacct"),
                mounts.v1Mounts().get("memory"));
    }

    @Override
    String version() {
        return "v1";
    }

    @Override
    List<Path> baseDirs() {
        Set<Path> distinct = new LinkedHashSet<>(List.of(cpuBase, cpuacctBase, memoryBase));
        return new ArrayList<>(distinct);
    }

    @Override
    List<Path> scanRoots() {
        return new ArrayList<>(new LinkedHashSet<>(mounts));
    }

    @Override
    void prepareGroup() {
        for (Path dir : groupDirs()) {
            CgroupFiles.mkdirs(dir);
        }
    }

    @Override
    void writeCpuCores(String host, double cores) {
        Path dir = slice(cpuBase, host);
        CgroupFiles.write(dir.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
        CgroupFiles.write(dir.resolve("cpu.cfs_quota_us"), Long.toString(quotaMicros(cores)));
    }

    @Override
    void writeCpuShares(String host, long shares) {
        CgroupFiles.write(slice(cpuBase, host).resolve("cpu.shares"), Long.toString(shares));
    }

    @Override
    long readCpuShares(String host) {
        return CgroupFiles.readLong(slice(cpuBase, host).resolve("cpu.shares"));
    }

    @Override
    double readCpuCores(String host) {
        Path dir = slice(cpuBase, host);
        long quota = CgroupFiles.readLong(dir.resolve("cpu.cfs_quota_us"));
        long period = CgroupFiles.readLong(dir.resolve("cpu.cfs_period_us"));
        return quota < 0 ? Double.POSITIVE_INFINITY : (double) quota / period;
    }

    @Override
    void writeMemoryBytes(String host, long bytes) {
        CgroupFiles.write(slice(memoryBase, host).resolve("memory.limit_in_bytes"), Long.toString(bytes));
    }

    @Override
    long readMemoryLimitBytes(String host) {
        return CgroupFiles.readLong(slice(memoryBase, host).resolve("memory.limit_in_bytes"));
    }

    @Override
    SliceUsage readUsage(String host) {
        long cpuNanos = CgroupFiles.readLong(slice(cpuacctBase, host).resolve("cpuacct.usage"));
        Map<String, Long> stat = CgroupFiles.readKeyed(slice(cpuBase, host).resolve("cpu.stat"));
        long memory = CgroupFiles.readLong(slice(memoryBase, host).resolve("memory.usage_in_bytes"));
        return new SliceUsage(cpuNanos, stat.getOrDefault("nr_periods", 0L), stat.getOrDefault("nr_throttled", 0L),
                stat.getOrDefault("throttled_time", 0L), memory);
    }

    @Override
    Optional<Path> hostCpuDir(String host) {
        return Optional.of(slice(cpuBase, host));
    }

    private Path slice(Path base, String host) {
        return base.resolve(group).resolve(host);
    }
}
