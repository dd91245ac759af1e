package org.vmshield.hypervisor.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.vmshield.hypervisor.HypervisorException;
import org.vmshield.hypervisor.setup.CommandRunner;

/**
 * The nice value of a QEMU process, every thread of it: Linux keeps one per thread, and a thread
 * started later inherits its creator's, so a process started under {@code nice} or whose threads
 * were all reniced keeps the value.
 */
final class ThreadPriority {
    static final int MIN_NICE = -20;
    static final int MAX_NICE = 19;
    private static final Duration RENICE_TIMEOUT = Duration.ofSeconds(5);

    private ThreadPriority() {}

    /** Checks that {@code nice} is one Linux accepts. */
    static void requireNice(int nice) {
        if (nice < MIN_NICE || nice > MAX_NICE) {
            throw new IllegalArgumentException("nice: " + nice + " (expected: " + MIN_NICE + ".." + MAX_NICE + ")");
        }
    }

    /** Returns {@code command} started at {@code nice} ({@code nice -n N ...}); unchanged for 0. */
    static List<String> startAt(int nice, List<String> command) {
        requireNice(nice);
        if (nice == 0) {
            return command;
        }
        List<String> out = new ArrayList<>(List.of("nice", "-n", Integer.toString(nice)));
        out.addAll(command);
        return out;
    }

    /** Sets the nice value of every thread of process {@code pid}. */
    static void set(long pid, int nice, CommandRunner runner) {
        requireNice(nice);
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        command.addAll(threads(pid));
        if (command.size() == 4) {
            throw new HypervisorException("process " + pid + " has ended: no thread to renice");
        }
        try {
            CommandRunner.Result r = runner.run(command, RENICE_TIMEOUT);
            if (!r.ok()) {
                throw new HypervisorException("renice " + nice + " of process " + pid + " failed: " + r.diagnostics());
            }
        } catch (IOException e) {
            throw new HypervisorException("renice " + nice + " of process " + pid + ": " + e.getMessage(), e);
        }
    }

    /** Returns the nice value of thread {@code tid} (field 19 of its stat line). */
    static int of(long pid, long tid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]); // fields from 3 (state) on: nice is field 19
    }

    /** Returns the thread ids of process {@code pid}; empty when it has ended. */
    static List<String> threads(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.map(t -> t.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
