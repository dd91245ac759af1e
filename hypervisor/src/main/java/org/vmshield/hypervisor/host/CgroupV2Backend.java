package org.vmshield.hypervisor.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * cgroup v2 (unified): one directory per slice with {@code cpu.max}, {@code cpu.stat},
 * {@code memory.max} and {@code memory.current}. The group sits at the top of the hierarchy,
 * because v2 forbids enabling controllers below a cgroup that holds processes (such as ours).
 */
final class CgroupV2Backend extends CgroupBackend {
    private static final List<String> CONTROLLERS = List.of("cpu", "memory");
    private final Path mount;

    CgroupV2Backend(Path mount, String group) {
        super(group);
        this.mount = mount;
    }

    @Override
    String version() {
        return "v2";
    }

    @Override
    List<Path> baseDirs() {
        return List.of(mount);
    }

    @Override
    List<Path> scanRoots() {
        return List.of(mount);
    }

    @Override
    void prepareGroup() {
        enableControllers(mount);
        Path dir = mount.resolve(group);
        CgroupFiles.mkdirs(dir);
        enableControllers(dir);
    }

    private static void enableControllers(Path dir) {
        Path control = dir.resolve("cgroup.subtree_control");
        List<String> enabled = List.of(CgroupFiles.read(control).split("\\s+"));
        for (String controller : CONTROLLERS) {
            if (!enabled.contains(controller)) {
                CgroupFiles.write(control, "+" + controller);
            }
        }
    }

    @Override
    void writeCpuCores(String host, double cores) {
        CgroupFiles.write(slice(host).resolve("cpu.max"), quotaMicros(cores) + " " + PERIOD_MICROS);
    }

    @Override
    void writeCpuShares(String host, long shares) {
        // cgroup v2's cpu.weight: 100 is the default where v1's cpu.shares is 1024; 1..10000
        long weight = Math.max(1, Math.min(10_000, Math.round(shares * 100.0 / 1024)));
        CgroupFiles.write(slice(host).resolve("cpu.weight"), Long.toString(weight));
    }

    @Override
    long readCpuShares(String host) {
        return Math.round(CgroupFiles.readLong(slice(host).resolve("cpu.weight")) * 1024 / 100.0);
    }

    @Override
    double readCpuCores(String host) {
        String[] max = CgroupFiles.read(slice(host).resolve("cpu.max")).split("\\s+");
        if (max[0].equals("max")) {
            return Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(max[0]) / Double.parseDouble(max[1]);
    }

    @Override
    void writeMemoryBytes(String host, long bytes) {
        CgroupFiles.write(slice(host).resolve("memory.max"), Long.toString(bytes));
    }

    @Override
    long readMemoryLimitBytes(String host) {
        String max = CgroupFiles.read(slice(host).resolve("memory.max"));
        return max.equals("max") ? Long.MAX_VALUE : Long.parseLong(max);
    }

    @Override
    SliceUsage readUsage(String host) {
        Map<String, Long> stat = CgroupFiles.readKeyed(slice(host).resolve("cpu.stat"));
        long memory = CgroupFiles.readLong(slice(host).resolve("memory.current"));
        return new SliceUsage(stat.getOrDefault("usage_usec", 0L) * 1_000, stat.getOrDefault("nr_periods", 0L),
                stat.getOrDefault("nr_throttled", 0L), stat.getOrDefault("throttled_usec", 0L) * 1_000, memory);
    }

    @Override
    Optional<Path> hostCpuDir(String host) {
        return Optional.empty(); // no child groups under a cgroup that holds processes
    }

    private Path slice(String host) {
        return mount.resolve(group).resolve(host);
    }
}
