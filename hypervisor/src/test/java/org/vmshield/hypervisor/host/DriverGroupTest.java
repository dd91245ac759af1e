package org.vmshield.hypervisor.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vmshield.hypervisor.testing.QemuTests;

/** The driver's own cgroup, on this machine's real cgroup v1 {@code cpu} hierarchy (needs root). */
@Timeout(60)
class DriverGroupTest {

    @Test
    void refusesAWeightCgroupV1DoesNotAllow() {
        assertThatThrownBy(() -> DriverGroup.enter(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shares: 1 (expected: 2..262144)");
        assertThatThrownBy(() -> DriverGroup.enter(262_145)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void movesThisProcessInWithItsWeightKeepsHostsWhereTheyWereAndMovesItBack() throws Exception {
        QemuTests.requireRoot();
        String before = ownCpuCgroup();
        LocalHostCgroups hosts = LocalHostCgroups.detect("vmshield-test-driver-" + ProcessHandle.current().pid());
        Path hostsParent = hosts.groupDirs().get(0);
        Path dir;
        try (DriverGroup group = DriverGroup.enter(4096).orElseThrow()) {
            dir = group.dir();
            assertThat(ownCpuCgroup()).endsWith("/" + DriverGroup.NAME);
            assertThat(Files.readString(dir.resolve("cpu.shares")).strip()).isEqualTo("4096");
            // every thread moved, not only the one that wrote the pid
            assertThat(CgroupFiles.readPids(dir.resolve("tasks")).size()).isGreaterThan(1);
            // but the JIT compiler threads, beside it at a weight below the guests'
            Path jit = group.jitDir();
            assertThat(jit.getParent()).isEqualTo(dir.getParent());
            assertThat(Files.readString(jit.resolve("cpu.shares")).strip()).isEqualTo(Long.toString(DriverGroup.JIT_SHARES));
            List<Long> jitThreads = CgroupFiles.readPids(jit.resolve("tasks"));
            assertThat(jitThreads).isNotEmpty().allSatisfy(tid -> assertThat(threadName(tid)).matches("C[12] CompilerThre.*"));
            assertThat(CgroupFiles.readPids(dir.resolve("tasks"))).doesNotContainAnyElementsOf(jitThreads);
            LocalHostCgroups inside = LocalHostCgroups.detect("vmshield-test-driver-" + ProcessHandle.current().pid());
            assertThat(inside.groupDirs().get(0)).isEqualTo(hostsParent);
        } finally {
            hosts.removeAll();
        }
        assertThat(ownCpuCgroup()).isEqualTo(before);
        assertThat(dir).doesNotExist();
        assertThat(dir.resolveSibling(DriverGroup.JIT_NAME)).doesNotExist();
    }

    @Test
    void cleanupRemovesAnAbandonedGroupButNotOneInUse() throws Exception {
        QemuTests.requireRoot();
        Path home = CgroupMounts.current().ownV1Dir("cpu");
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            DriverGroup.enter(home, child.pid(), 2048);
            assertThat(DriverGroup.removeAbandoned()).isZero();
            assertThat(home.resolve(DriverGroup.NAME)).isDirectory();
            assertThat(home.resolve(DriverGroup.JIT_NAME)).as("empty (sleep has no JIT) but its driver is in use").isDirectory();
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> CgroupFiles.readPids(home.resolve(DriverGroup.NAME).resolve("cgroup.procs")).isEmpty());
        assertThat(DriverGroup.removeAbandoned()).isEqualTo(2);
        assertThat(home.resolve(DriverGroup.NAME)).doesNotExist();
        assertThat(home.resolve(DriverGroup.JIT_NAME)).doesNotExist();
    }

    private static String threadName(long tid) {
        try {
            return Files.readString(Path.of("/proc/self/task/" + tid + "/comm")).strip();
        } catch (java.io.IOException e) {
            return "(ended)";
        }
    }

    private static String ownCpuCgroup() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] fields = line.split(":", 3);
            for (String controller : fields[1].split(",")) {
                if (controller.equals("cpu")) {
                    return fields[2];
                }
            }
        }
        throw new AssertionError("no cpu controller in /proc/self/cgroup");
    }
}
