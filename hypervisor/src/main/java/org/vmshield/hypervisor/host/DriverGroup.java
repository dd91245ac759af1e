package org.vmshield.hypervisor.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts this process (the driver: balancer, controller, load generator) into a cgroup of its own,
 * {@value #NAME}, beside the local hosts' parent group, with a CPU weight above theirs; moves it back
 * and removes the group on {@link #close()}.
 *
 * <p>Why: local hosts are CPU quotas of this one machine, and on a 2-core machine their quotas add up
 * to every core. When the guests use them all (an attacked VM working through its backlog on one host
 * while a replacement boots on another), the driver's threads, at the weight of one process each,
 * waited up to 800 ms per 500 ms on the run queue (summed over its threads): every request through the
 * balancer, the critical service's too, paid for work on hosts it never touches. On a real cluster the
 * balancer and the clients run on machines of their own; their own group with a higher weight gives
 * them first call on the CPU they need (well under a core) and leaves the guests the rest.
 *
 * <p>cgroup v1 only, and only where the {@code cpu} hierarchy is writable (root); elsewhere
 * {@link #enter} returns empty and nothing changes.
 */
public final class DriverGroup implements AutoCloseable {
    /** The group's name, in the directory of this process's own {@code cpu} cgroup. */
    public static final String NAME = "vmshield-driver";
    private static final Logger log = LoggerFactory.getLogger(DriverGroup.class);

    private final Path dir;
    private final Path home;

    private DriverGroup(Path dir, Path home) {
        this.dir = dir;
        this.home = home;
    }

    /**
     * Moves this process into the driver group with CPU weight {@code shares} (cgroup v1 {@code cpu.shares}).
     *
     * @return what moves it back, or empty where cgroup v1's {@code cpu} hierarchy is not writable
     */
    public static Optional<DriverGroup> enter(long shares) {
        LocalHostCgroups.requireCpuShares(shares);
        CgroupMounts mounts;
        try {
            mounts = CgroupMounts.current();
        } catch (CgroupException e) {
            return Optional.empty();
        }
        if (!mounts.v1Mounts().containsKey("cpu")) {
            return Optional.empty();
        }
        Path home = mounts.ownV1Dir("cpu");
        if (!Files.isWritable(home.resolve("cgroup.procs"))) {
            return Optional.empty();
        }
        return Optional.of(enter(home, ProcessHandle.current().pid(), shares));
    }

    /** Moves process {@code pid} from {@code home} into {@code home}/{@value #NAME}, weighted {@code shares}. */
    static DriverGroup enter(Path home, long pid, long shares) {
        Path dir = home.resolve(NAME);
        CgroupFiles.mkdirs(dir);
        try {
            CgroupFiles.write(dir.resolve("cpu.shares"), Long.toString(shares));
            CgroupFiles.write(dir.resolve("cgroup.procs"), Long.toString(pid));
        } catch (CgroupException e) {
            CgroupFiles.rmdir(dir);
            throw e;
        }
        log.info("this process runs in cgroup {} (cpu.shares {})", dir, shares);
        return new DriverGroup(dir, home);
    }

    /** Returns the group's directory. */
    public Path dir() {
        return dir;
    }

    /** Moves the process back to where it came from and removes the group. */
    @Override
    public void close() {
        LocalHostSlice.evacuateAndRemove(dir, home);
    }

    /**
     * Removes a driver group left behind by a killed process (one that holds no process); returns
     * whether one was removed.
     */
    public static boolean removeAbandoned() {
        try {
            CgroupMounts mounts = CgroupMounts.current();
            if (!mounts.v1Mounts().containsKey("cpu")) {
                return false;
            }
            Path dir = mounts.ownV1Dir("cpu").resolve(NAME);
            if (!Files.isDirectory(dir) || !CgroupFiles.readPids(dir.resolve("cgroup.procs")).isEmpty()) {
                return false;
            }
            return CgroupFiles.rmdir(dir);
        } catch (CgroupException e) {
            return false;
        }
    }
}
