package org.vmshield.hypervisor.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.vmshield.hypervisor.testing.QemuTests;

/**
 * Gives each test a parent cgroup of its own (needs root: skipped locally, failed under CI) and
 * tracks the processes it starts; after the test it kills them, removes the group and checks that
 * nothing is left. Register with {@code @RegisterExtension}.
 */
final class TestCgroups implements BeforeEachCallback, AfterEachCallback {
    /** A process that wants a whole core. */
    static final List<String> BUSY_LOOP = List.of("sh", "-c", "while :; do :; done");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String tag;
    private final List<Process> processes = new ArrayList<>();
    private LocalHostCgroups cgroups;

    /** Names each test's group after {@code tag}. */
    TestCgroups(String tag) {
        this.tag = tag;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        QemuTests.requireRoot();
        cgroups = LocalHostCgroups.detect("vmshield-test-" + ProcessHandle.current().pid() + "-" + tag + "-"
                + COUNTER.incrementAndGet());
    }

    /** Returns the current test's parent group. */
    LocalHostCgroups cgroups() {
        return cgroups;
    }

    /** Starts {@code command} (output discarded); it is killed after the test. */
    Process start(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(process);
        return process;
    }

    /** Starts a busy loop; it is killed after the test. */
    Process busyLoop() throws IOException {
        return start(BUSY_LOOP);
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        processes.clear();
        if (cgroups != null) {
            cgroups.removeAll();
            for (Path dir : cgroups.groupDirs()) {
                assertThat(dir).doesNotExist();
            }
            cgroups = null;
        }
    }
}
