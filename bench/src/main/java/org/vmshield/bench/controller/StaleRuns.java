package org.vmshield.bench.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.vmshield.hypervisor.qemu.QemuCleanup;
import org.vmshield.hypervisor.qemu.RunFolders;
import org.vmshield.hypervisor.qemu.VmshieldHome;

/**
 * The folders of benchmark runs: one temporary folder per run, named after the benchmark's pid
 * ({@link RunFolders}), holding the journal, the controller's log and the run home of its QEMU
 * processes. A run that ended normally left nothing in its run home; one whose controller was
 * killed left QEMU processes, host cgroups or run files there, which {@link QemuCleanup}'s scoped
 * mode removes without touching any other controller's VMs. A folder whose benchmark was itself
 * killed is swept by the next run.
 */
final class StaleRuns {
    static final String RUN_HOME = "home";

    private StaleRuns() {}

    /** Creates this run's folder under the temporary directory. */
    static Path create() throws IOException {
        return RunFolders.create(RunFolders.HEAP_BENCH);
    }

    /** Removes the folders (and leftovers) of earlier runs whose benchmark process is gone. */
    static void sweep(Consumer<String> progress) {
        try {
            for (Path dir : RunFolders.abandoned(RunFolders.tmp(), RunFolders.HEAP_BENCH)) {
                progress.accept("removing " + dir + ", left by a benchmark run that was killed");
                remove(dir, progress);
            }
        } catch (IOException e) {
            progress.accept("cannot list " + RunFolders.tmp() + " for stale runs: " + e.getMessage());
        }
    }

    /** Removes what the run in {@code dir} left in its run home (when anything), then the folder. */
    static void remove(Path dir, Consumer<String> progress) {
        Path runDir = VmshieldHome.runDir(dir.resolve(RUN_HOME));
        if (hasFiles(runDir)) {
            QemuCleanup.Report r = QemuCleanup.run(dir.resolve(RUN_HOME), false);
            progress.accept("removed the leftovers of the controller JVM: " + r.summary());
        }
        try {
            RunFolders.deleteTree(dir);
        } catch (IOException e) {
            progress.accept("cannot remove " + dir + " (the next run tries again): " + e.getMessage());
        }
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
}
