package org.vmshield.bench.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmshield.hypervisor.qemu.RunFolders;

class StaleRunsTest {
    @Test
    void aRunFolderWithNothingLeftInItsRunHomeIsDeletedWithoutACleanup() throws Exception {
        Path dir = StaleRuns.create();
        try {
            assertThat(RunFolders.ownerPid(RunFolders.HEAP_BENCH, dir.getFileName().toString())).hasValue(ProcessHandle.current().pid());
            Files.writeString(dir.resolve("journal.db"), "x");
            Files.createDirectories(dir.resolve(StaleRuns.RUN_HOME).resolve("run").resolve("qemu"));
            List<String> progress = new ArrayList<>();
            StaleRuns.remove(dir, progress::add);
            assertThat(dir).doesNotExist();
            assertThat(progress).isEmpty();
        } finally {
            if (Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
