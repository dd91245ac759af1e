package org.vmshield.hypervisor.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.vmshield.hypervisor.testing.QemuTests;

/**
 * A parent cgroup of one test's own (needs root), and the processes the test starts; {@link #close()}
 * kills them, removes the group and checks that nothing is left.
 */
final class TestCgroups implements AutoCloseable {
    /** A process that wants a whole core. */
    static final List<String> BUSY_LOOP = List.of("sh", "-c", "while :; do :; done");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final LocalHostCgroups cgroups;
    private final List<Process> processes = new ArrayList<>();

    /** Skips (locally) or fails (under CI) the calling test unless root; names the group after {@code tag}. */
    TestCgroups(String tag) {
        QemuTests.requireRoot();
        cgroups = LocalHostCgroups.detect("vmshield-test-" + ProcessHandle.current().pid() + "-" + tag + "-"
                + COUNTER.incrementAndGet());
    }

    /** Starts {@code command} (output discarded); it is killed on close. */
    Process start(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(process);
        return process;
    }

    /** Starts a busy loop; it is killed on close. */
    Process busyLoop() throws IOException {
        return start(BUSY_LOOP);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        cgroups.removeAll();
        for (Path dir : cgroups.groupDirs()) {
            assertThat(dir).doesNotExist();
        }
    }
}
