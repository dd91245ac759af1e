package org.vmshield.bench.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.vmshield.hypervisor.qemu.QemuCleanup;
import org.vmshield.hypervisor.qemu.VmshieldHome;

/**
 * The folders of benchmark runs: one temporary folder per run, named after the benchmark's pid,
 * holding the journal, the controller's log and the run home of its QEMU processes. A run that
 * ended normally left nothing in its run home; one whose controller was killed left QEMU
 * processes, host cgroups or run files there, which {@link QemuCleanup}'s scoped mode removes
 * without touching any other controller's VMs. A folder whose benchmark was itself killed is swept
 * by the next run.
 */
final class StaleRuns {
    static final String PREFIX = "vmshield-heapbench-p";
    static final String RUN_HOME = "home";

    private StaleRuns() {}

    /** Creates this run's folder under the temporary directory. */
    static Path create() throws IOException {
        return Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
    }

    /** Removes the folders (and leftovers) of earlier runs whose benchmark process is gone. */
    static void sweep(Consumer<String> progress) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path dir : entries.toList()) {
                OptionalLong owner = ownerPid(dir.getFileName().toString());
                if (owner.isPresent() && ProcessHandle.of(owner.getAsLong()).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                if (owner.isPresent()) {
                    progress.accept("removing " + dir + ", left by a benchmark run that was killed");
                    remove(dir, progress);
                }
            }
        } catch (IOException e) {
            progress.accept("cannot list " + tmp + " for stale runs: " + e.getMessage());
        }
    }

    /** Returns the benchmark pid a run folder's name carries, or empty for any other name. */
    static OptionalLong ownerPid(String name) {
        if (!name.startsWith(PREFIX)) {
            return OptionalLong.empty();
        }
        int end = name.indexOf('-', PREFIX.length());
        String digits = name.substring(PREFIX.length(), end < 0 ? name.length() : end);
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 18) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    /** Removes what the run in {@code dir} left in its run home (when anything), then the folder. */
    static void remove(Path dir, Consumer<String> progress) {
        Path runDir = VmshieldHome.runDir(dir.resolve(RUN_HOME));
        if (hasFiles(runDir)) {
            QemuCleanup.Report r = QemuCleanup.run(dir.resolve(RUN_HOME), false);
            progress.accept("removed the leftovers of the controller JVM: " + r.summary());
        }
        deleteTree(dir);
    }

    private static boolean hasFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            return true; // cannot tell: let the cleanup look
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a file vanished meanwhile, or cannot be removed: the next run's sweep tries again
        }
    }
}
