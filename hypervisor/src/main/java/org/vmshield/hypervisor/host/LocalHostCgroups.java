package org.vmshield.hypervisor.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local hosts: named capacity slices of this machine, each a cgroup with a CPU quota and a
 * memory limit, all below one parent group ({@value #DEFAULT_GROUP}). Works on cgroup v1
 * (cpu, cpuacct and memory hierarchies) and v2; {@link #detect()} picks what the machine has.
 * Needs root.
 */
public final class LocalHostCgroups {
    /** The parent group of every slice vmshield creates. */
    public static final String DEFAULT_GROUP = "vmshield";
    /** The smallest CPU capacity of a slice, in cores (a 1 ms quota per 20 ms period). */
    public static final double MIN_CPU_CORES = 0.05;
    /** The smallest memory limit of a slice. */
    public static final long MIN_MEMORY_MIB = 16;

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Logger log = LoggerFactory.getLogger(LocalHostCgroups.class);
    private static final int MAX_SCAN_DEPTH = 8;

    private final CgroupBackend backend;

    LocalHostCgroups(CgroupBackend backend) {
        this.backend = backend;
    }

    /** Detects the cgroup version of this machine and returns the local hosts below {@value #DEFAULT_GROUP}. */
    public static LocalHostCgroups detect() {
        return detect(DEFAULT_GROUP);
    }

    /** Detects the cgroup version and returns the local hosts below the parent group {@code groupName}. */
    public static LocalHostCgroups detect(String groupName) {
        requireName(groupName, "groupName");
        return new LocalHostCgroups(choose(CgroupMounts.current(), groupName, LocalHostCgroups::v2Controllers));
    }

    /** Picks v1 when cpu and memory are v1 hierarchies, else a cgroup2 mount offering cpu and memory. */
    static CgroupBackend choose(CgroupMounts mounts, String group, Function<Path, Set<String>> v2Controllers) {
        Map<String, Path> v1 = mounts.v1Mounts();
        if (v1.containsKey("cpu") && v1.containsKey("memory")) {
            if (!v1.containsKey("cpuacct")) {
                throw new CgroupException("cgroup v1 has cpu and memory but no cpuacct hierarchy"
                        + " (expected: cpuacct mounted, for CPU usage)");
            }
            return new CgroupV1Backend(mounts, group);
        }
        for (Path mount : mounts.v2Mounts()) {
            Set<String> controllers = v2Controllers.apply(mount);
            if (controllers.contains("cpu") && controllers.contains("memory")) {
                return new CgroupV2Backend(mount, group);
            }
        }
        throw new CgroupException("no cgroup hierarchy with the cpu and memory controllers: v1 controllers "
                + v1.keySet() + ", cgroup2 mounts " + mounts.v2Mounts()
                + " (expected: v1 cpu, cpuacct and memory, or cgroup2 with cpu and memory in cgroup.controllers)");
    }

    private static Set<String> v2Controllers(Path mount) {
        Path file = mount.resolve("cgroup.controllers");
        if (!Files.isReadable(file)) {
            return Set.of();
        }
        return Set.of(CgroupFiles.read(file).split("\\s+"));
    }

    /** Returns "v1" or "v2". */
    public String version() {
        return backend.version();
    }

    /** Returns the parent group's directory in each hierarchy, e.g. {@code /sys/fs/cgroup/cpu/vmshield}. */
    public List<Path> groupDirs() {
        return backend.groupDirs();
    }

    /**
     * Creates slice {@code host} with {@code cpuCores} of CPU quota and {@code memoryMiB} of memory.
     * An empty leftover slice of that name is reused; one that holds processes is refused.
     * On failure nothing is left behind.
     */
    public LocalHostSlice create(String host, double cpuCores, long memoryMiB) {
        requireName(host, "host");
        requireCpuCores(cpuCores);
        requireMemoryMiB(memoryMiB);
        backend.prepareGroup();
        List<Path> dirs = backend.sliceDirs(host);
        for (Path dir : dirs) {
            Path procs = dir.resolve("cgroup.procs");
            if (Files.exists(procs) && !CgroupFiles.readPids(procs).isEmpty()) {
                throw new CgroupException("host " + host + ": its cgroup " + dir + " already holds processes "
                        + CgroupFiles.readPids(procs) + " (expected: a new host name, or stop those processes first)");
            }
        }
        try {
            for (Path dir : dirs) {
                CgroupFiles.mkdirs(dir);
            }
            backend.writeCpuCores(host, cpuCores);
            backend.writeMemoryBytes(host, memoryMiB * 1024 * 1024);
        } catch (CgroupException e) {
            for (Path dir : dirs) {
                try {
                    CgroupFiles.rmdir(dir);
                } catch (CgroupException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return new LocalHostSlice(backend, host);
    }

    /** Returns slice {@code host} if its cgroup exists. */
    public Optional<LocalHostSlice> find(String host) {
        requireName(host, "host");
        for (Path dir : backend.sliceDirs(host)) {
            if (!Files.isDirectory(dir)) {
                return Optional.empty();
            }
        }
        return Optional.of(new LocalHostSlice(backend, host));
    }

    /** Returns the names of the slices that exist below the parent group. */
    public List<String> hostNames() {
        Path dir = backend.groupDirs().get(0);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new CgroupException("cannot list " + dir + ": " + e, e);
        }
    }

    /**
     * Removes every cgroup of the parent group, wherever it is in each hierarchy (also those of
     * an earlier, killed controller). Kill the processes first: any process still inside is
     * moved to the cgroup above the parent group, never killed.
     *
     * @return how many cgroup directories were removed
     */
    public int removeAll() {
        int removed = 0;
        for (Path root : backend.scanRoots()) {
            List<Path> groups;
            try (Stream<Path> found = Files.find(root, MAX_SCAN_DEPTH,
                    (path, attributes) -> attributes.isDirectory() && path.getFileName() != null
                            && path.getFileName().toString().equals(backend.group))) {
                groups = found.toList();
            } catch (IOException e) {
                throw new CgroupException("cannot search " + root + " for " + backend.group + " cgroups: " + e, e);
            }
            for (Path group : groups) {
                if (Files.isDirectory(group)) {
                    removed += removeTree(group, group.getParent());
                }
            }
        }
        return removed;
    }

    /** Removes {@code dir} and its child cgroups bottom-up, moving their processes to {@code target}. */
    static int removeTree(Path dir, Path target) {
        int removed = 0;
        List<Path> children = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(Files::isDirectory).forEach(children::add);
        } catch (IOException e) {
            throw new CgroupException("cannot list " + dir + ": " + e, e);
        }
        for (Path child : children) {
            removed += removeTree(child, target);
        }
        LocalHostSlice.evacuateAndRemove(dir, target);
        log.debug("removed cgroup {}", dir);
        return removed + 1;
    }

    static void requireName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + ": '" + name
                    + "' (expected: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit)");
        }
    }

    /** Checks a CPU weight in cgroup v1 {@code cpu.shares} units, the range v1 allows. */
    static void requireCpuShares(long shares) {
        if (shares < 2 || shares > 262_144) {
            throw new IllegalArgumentException("shares: " + shares + " (expected: 2..262144)");
        }
    }

    static void requireCpuCores(double cpuCores) {
        if (!(cpuCores >= MIN_CPU_CORES) || Double.isInfinite(cpuCores)) {
            throw new IllegalArgumentException("cpuCores: " + cpuCores + " (expected: >= " + MIN_CPU_CORES + ")");
        }
    }

    static void requireMemoryMiB(long memoryMiB) {
        if (memoryMiB < MIN_MEMORY_MIB || memoryMiB > Long.MAX_VALUE / (1024 * 1024)) {
            throw new IllegalArgumentException("memoryMiB: " + memoryMiB + " (expected: >= " + MIN_MEMORY_MIB + ")");
        }
    }
}
