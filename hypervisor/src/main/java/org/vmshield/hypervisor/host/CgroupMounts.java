package org.vmshield.hypervisor.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the cgroup hierarchies of this machine are mounted, and where this process sits in them.
 *
 * @param v1Mounts controller name (cpu, cpuacct, memory, ...) to the mount point of its v1 hierarchy
 * @param v2Mounts mount points of cgroup2 (the unified hierarchy)
 * @param ownV1Paths controller name to this process's cgroup path in that v1 hierarchy, e.g. "/"
 */
record CgroupMounts(Map<String, Path> v1Mounts, List<Path> v2Mounts, Map<String, String> ownV1Paths) {
    /** Reads {@code /proc/mounts} and {@code /proc/self/cgroup}. */
    static CgroupMounts current() {
        try {
            return parse(Files.readString(Path.of("/proc/mounts")), Files.readString(Path.of("/proc/self/cgroup")));
        } catch (IOException e) {
            throw new CgroupException("cannot read /proc/mounts or /proc/self/cgroup: " + e, e);
        }
    }

    /** Parses the text of {@code /proc/mounts} and of {@code /proc/self/cgroup}. */
    static CgroupMounts parse(String procMounts, String procSelfCgroup) {
        Map<String, Path> v1 = new HashMap<>();
        List<Path> v2 = new ArrayList<>();
        for (String line : procMounts.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4) {
                continue;
            }
            Path mountPoint = Path.of(fields[1]);
            if (fields[2].equals("cgroup2")) {
                v2.add(mountPoint);
            } else if (fields[2].equals("cgroup")) {
                for (String option : fields[3].split(",")) {
                    if (!option.startsWith("name=") && !option.contains("=")) {
                        v1.putIfAbsent(option, mountPoint);
                    }
                }
            }
        }
        Map<String, String> own = new HashMap<>();
        for (String line : procSelfCgroup.split("\n")) {
            String[] fields = line.trim().split(":", 3);
            if (fields.length == 3 && !fields[1].isEmpty()) {
                for (String controller : fields[1].split(",")) {
                    own.put(controller, fields[2]);
                }
            }
        }
        return new CgroupMounts(Map.copyOf(v1), List.copyOf(v2), Map.copyOf(own));
    }

    /**
     * Returns the directory of this process's cgroup in the v1 hierarchy of {@code controller}; for a
     * process inside its {@link DriverGroup}, the directory it came from, so that the local hosts stay
     * where they are while the driver runs there.
     */
    Path ownV1Dir(String controller) {
        Path mount = v1Mounts.get(controller);
        String own = ownV1Paths.getOrDefault(controller, "/");
        Path dir = own.equals("/") ? mount : mount.resolve(own.substring(1));
        if (dir.getFileName() != null && dir.getFileName().toString().equals(DriverGroup.NAME) && !dir.equals(mount)) {
            return dir.getParent();
        }
        return dir;
    }
}
