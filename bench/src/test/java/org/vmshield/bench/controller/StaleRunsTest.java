package org.vmshield.bench.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StaleRunsTest {
    @Test
    void readsTheBenchmarkPidFromARunFolderName() {
        assertThat(StaleRuns.ownerPid("vmshield-heapbench-p4242-123456789")).isEqualTo(OptionalLong.of(4242));
        assertThat(StaleRuns.ownerPid("vmshield-heapbench-p77")).isEqualTo(OptionalLong.of(77));
    }

    @Test
    void otherFoldersAreNotRuns() {
        assertThat(StaleRuns.ownerPid("vmshield-demo-123")).isEmpty();
        assertThat(StaleRuns.ownerPid("vmshield-heapbench-p-12")).isEmpty();
        assertThat(StaleRuns.ownerPid("vmshield-heapbench-pabc-12")).isEmpty();
        assertThat(StaleRuns.ownerPid("hsperfdata_root")).isEmpty();
    }

    @Test
    void aRunFolderWithNothingLeftInItsRunHomeIsDeletedWithoutACleanup() throws Exception {
        Path dir = StaleRuns.create();
        try {
            assertThat(StaleRuns.ownerPid(dir.getFileName().toString())).hasValue(ProcessHandle.current().pid());
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
