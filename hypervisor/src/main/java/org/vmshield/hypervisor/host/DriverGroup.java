package org.vmshield.hypervisor.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * <p>The JIT compiler threads go to a second group, {@value #JIT_NAME}, weighted below the guests
 * ({@value #JIT_SHARES}): they compile the code paths an attack first takes (detection, planning,
 * migration) just when the guests need every core, and at the driver's weight they took a quarter of
 * a core from them then, the critical VM's host included (measured 2026-11-27 with a per-thread
 * sampler: the critical VM waited 50-80 ms per 500 ms on the run queue while C2 compiled). A compile
 * can wait; a request cannot. The JVM starts compiler threads as it needs them, so a sweeper moves
 * them every {@value #JIT_SWEEP_MILLIS} ms (cgroup v1 places threads one by one).
 *
 * <p>cgroup v1 only, and only where the {@code cpu} hierarchy is writable (root); elsewhere
 * {@link #enter} returns empty and nothing changes.
 */
public final class DriverGroup implements AutoCloseable {
    /** The group's name, in the directory of this process's own {@code cpu} cgroup. */
    public static final String NAME = "vmshield-driver";
    /** The JIT compiler threads' group, beside {@value #NAME}. */
    public static final String JIT_NAME = "vmshield-driver-jit";
    /** The JIT group's weight: a quarter of the guests' parent group (the demo gives it 8192). */
    static final long JIT_SHARES = 2048;
    static final long JIT_SWEEP_MILLIS = 1000;
    /** Names (in /proc, cut to 15 characters) of HotSpot's C1 and C2 compiler threads. */
    private static final List<String> JIT_THREAD_PREFIXES = List.of("C1 CompilerThre", "C2 CompilerThre");
    private static final Logger log = LoggerFactory.getLogger(DriverGroup.class);

    private final Path dir;
    private final Path jitDir;
    private final Path home;
    private final long pid;
    private final ScheduledExecutorService sweeper;

    private DriverGroup(Path dir, Path jitDir, Path home, long pid) {
        this.dir = dir;
        this.jitDir = jitDir;
        this.home = home;
        this.pid = pid;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vmshield-jit-sweeper");
            t.setDaemon(true);
            return t;
        });
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

    /**
     * Moves process {@code pid} from {@code home} into {@code home}/{@value #NAME}, weighted
     * {@code shares}, and its JIT compiler threads into {@code home}/{@value #JIT_NAME}.
     */
    static DriverGroup enter(Path home, long pid, long shares) {
        Path dir = home.resolve(NAME);
        Path jitDir = home.resolve(JIT_NAME);
        CgroupFiles.mkdirs(dir);
        CgroupFiles.mkdirs(jitDir);
        try {
            CgroupFiles.write(dir.resolve("cpu.shares"), Long.toString(shares));
            CgroupFiles.write(jitDir.resolve("cpu.shares"), Long.toString(JIT_SHARES));
            CgroupFiles.write(dir.resolve("cgroup.procs"), Long.toString(pid));
        } catch (CgroupException e) {
            CgroupFiles.rmdir(dir);
            CgroupFiles.rmdir(jitDir);
            throw e;
        }
        DriverGroup group = new DriverGroup(dir, jitDir, home, pid);
        int jit = group.moveJitThreads();
        group.sweeper.scheduleWithFixedDelay(group::moveJitThreads, JIT_SWEEP_MILLIS, JIT_SWEEP_MILLIS,
                TimeUnit.MILLISECONDS);
        log.info("this process runs in cgroup {} (cpu.shares {}), its {} JIT compiler threads in {} (cpu.shares {})",
                dir, shares, jit, jitDir.getFileName(), JIT_SHARES);
        return group;
    }

    /** Moves the process's JIT compiler threads that are not there yet into the JIT group; returns how many it holds. */
    int moveJitThreads() {
        try {
            Set<Long> inGroup = new HashSet<>(CgroupFiles.readPids(jitDir.resolve("tasks")));
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    long tid = Long.parseLong(task.getFileName().toString());
                    if (!inGroup.contains(tid) && isJitThread(task)) {
                        try {
                            CgroupFiles.write(jitDir.resolve("tasks"), Long.toString(tid));
                            inGroup.add(tid);
                        } catch (CgroupException e) {
                            // the thread ended meanwhile
                        }
                    }
                }
            }
            return inGroup.size();
        } catch (IOException | RuntimeException e) {
            log.debug("cannot move the JIT threads of {}: {}", pid, e.toString());
            return 0;
        }
    }

    private static boolean isJitThread(Path task) {
        try {
            String comm = Files.readString(task.resolve("comm")).strip();
            return JIT_THREAD_PREFIXES.stream().anyMatch(comm::startsWith);
        } catch (IOException e) {
            return false; // the thread ended
        }
    }

    /** Returns the JIT group's directory. */
    public Path jitDir() {
        return jitDir;
    }

    /** Returns the group's directory. */
    public Path dir() {
        return dir;
    }

    /** Moves the process (every thread) back to where it came from and removes both groups. */
    @Override
    public void close() {
        sweeper.shutdownNow();
        try {
            sweeper.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Path group : List.of(jitDir, dir)) {
            if (Files.isDirectory(group)) { // (a cleanup may have removed an empty one)
                LocalHostSlice.evacuateAndRemove(group, home); // writing the pid moves all its threads
            }
        }
    }

    /**
     * Removes the driver and JIT groups left behind by a killed process (those that hold no process);
     * returns how many were removed.
     */
    public static int removeAbandoned() {
        try {
            CgroupMounts mounts = CgroupMounts.current();
            if (!mounts.v1Mounts().containsKey("cpu")) {
                return 0;
            }
            Path home = mounts.ownV1Dir("cpu");
            Path driver = home.resolve(NAME);
            if (Files.isDirectory(driver) && !CgroupFiles.readPids(driver.resolve("cgroup.procs")).isEmpty()) {
                return 0; // in use: its JIT group too, even while the JVM happens to run no compiler thread
            }
            int removed = 0;
            for (String name : List.of(NAME, JIT_NAME)) {
                Path dir = home.resolve(name);
                if (Files.isDirectory(dir) && CgroupFiles.readPids(dir.resolve("cgroup.procs")).isEmpty()
                        && CgroupFiles.rmdir(dir)) {
                    removed++;
                }
            }
            return removed;
        } catch (CgroupException e) {
            return 0;
        }
    }
}
