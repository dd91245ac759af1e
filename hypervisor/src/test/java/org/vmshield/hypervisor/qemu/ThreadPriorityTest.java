package org.vmshield.hypervisor.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vmshield.hypervisor.HypervisorException;
import org.vmshield.hypervisor.setup.CommandRunner;
import org.vmshield.hypervisor.testing.QemuTests;

/** A VM's CPU priority on a real QEMU process (no guest: {@code -machine none}), every thread of it. */
class ThreadPriorityTest {
    private static final List<String> IDLE_QEMU = List.of("qemu-system-x86_64", "-machine", "none", "-S",
            "-display", "none", "-nodefaults", "-monitor", "none");

    @Test
    void aProcessStartedAtANiceValueHasItInEveryThreadAndReniceChangesThemAll() throws Exception {
        QemuTests.requireQemu();
        QemuTests.requireRoot(); // a negative nice value
        Process qemu = new ProcessBuilder(ThreadPriority.startAt(5, IDLE_QEMU)).redirectErrorStream(true).start();
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> ThreadPriority.threads(qemu.pid()).size() >= 2);
            assertThat(nices(qemu.pid())).containsOnly(5);

            ThreadPriority.set(qemu.pid(), -10, CommandRunner.system());

            assertThat(nices(qemu.pid())).containsOnly(-10);
        } finally {
            qemu.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> ThreadPriority.set(qemu.pid(), 0, CommandRunner.system()))
                .isInstanceOf(HypervisorException.class).hasMessageContaining("has ended");
    }

    @Test
    void refusesANiceValueLinuxDoesNotHaveAndLeavesACommandAtZeroAlone() {
        assertThatThrownBy(() -> ThreadPriority.requireNice(20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nice: 20 (expected: -20..19)");
        assertThatThrownBy(() -> ThreadPriority.startAt(-21, IDLE_QEMU)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ThreadPriority.startAt(0, IDLE_QEMU)).isSameAs(IDLE_QEMU);
        assertThat(ThreadPriority.startAt(-10, IDLE_QEMU)).startsWith("nice", "-n", "-10", "qemu-system-x86_64");
    }

    private static List<Integer> nices(long pid) {
        return ThreadPriority.threads(pid).stream().map(tid -> {
            try {
                return ThreadPriority.of(pid, Long.parseLong(tid));
            } catch (java.io.IOException e) {
                return Integer.MIN_VALUE; // ended meanwhile
            }
        }).filter(n -> n != Integer.MIN_VALUE).toList();
    }
}
