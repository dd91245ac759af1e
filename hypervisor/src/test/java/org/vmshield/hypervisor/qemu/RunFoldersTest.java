package org.vmshield.hypervisor.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFoldersTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheOwnerPidFromAFolderName() {
        assertThat(RunFolders.ownerPid(RunFolders.HEAP_BENCH, "vmshield-heapbench-p4242-123456789"))
                .isEqualTo(OptionalLong.of(4242));
        assertThat(RunFolders.ownerPid(RunFolders.DEMO, "vmshield-demo-p77")).isEqualTo(OptionalLong.of(77));
    }

    @Test
    void foldersOfOtherKindsOrWithoutAPidAreNotRunFolders() {
        assertThat(RunFolders.ownerPid(RunFolders.HEAP_BENCH, "vmshield-demo-p123-4")).isEmpty();
        assertThat(RunFolders.ownerPid(RunFolders.DEMO, "vmshield-demo-123")).isEmpty();
        assertThat(RunFolders.ownerPid(RunFolders.HEAP_BENCH, "vmshield-heapbench-p-12")).isEmpty();
        assertThat(RunFolders.ownerPid(RunFolders.HEAP_BENCH, "vmshield-heapbench-pabc-12")).isEmpty();
        assertThat(RunFolders.ownerPid(RunFolders.DEMO, "vmshield-demo-p1234567890123456789-1")).isEmpty();
        assertThat(RunFolders.ownerPid(RunFolders.DEMO, "hsperfdata_root")).isEmpty();
    }

    @Test
    void onlyFoldersWhoseOwnerIsGoneAreAbandoned() throws Exception {
        long self = ProcessHandle.current().pid();
        long gone = deadPid();
        Path mine = Files.createDirectory(tmp.resolve("vmshield-demo-p" + self + "-1"));
        Path left = Files.createDirectory(tmp.resolve("vmshield-demo-p" + gone + "-2"));
        Files.writeString(left.resolve("journal.db"), "x");
        Files.createDirectory(tmp.resolve("vmshield-demo-3"));
        Files.createDirectory(tmp.resolve("vmshield-heapbench-p" + gone + "-4"));

        assertThat(RunFolders.abandoned(tmp, RunFolders.DEMO)).containsExactly(left);

        RunFolders.deleteTree(left);
        assertThat(left).doesNotExist();
        assertThat(mine).exists();
        RunFolders.deleteTree(left); // already gone: fine
    }

    @Test
    void createsAFolderNamedAfterThisProcess() throws Exception {
        Path dir = RunFolders.create(RunFolders.DEMO);
        try {
            assertThat(RunFolders.ownerPid(RunFolders.DEMO, dir.getFileName().toString()))
                    .hasValue(ProcessHandle.current().pid());
            assertThat(RunFolders.abandoned(dir.getParent(), RunFolders.DEMO)).doesNotContain(dir);
        } finally {
            RunFolders.deleteTree(dir);
        }
    }

    /** A pid no process has: one of a child that has exited. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
