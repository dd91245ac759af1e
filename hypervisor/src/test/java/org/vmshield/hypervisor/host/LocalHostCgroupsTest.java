package org.vmshield.hypervisor.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real cgroups with real processes (needs root). Each test uses its own parent group. */
@Timeout(60)
class LocalHostCgroupsTest {
    @RegisterExtension
    final TestCgroups test = new TestCgroups("slices");

    @Test
    void setsAndReadsBackTheSlicesCpuWeight() {
        LocalHostSlice slice = test.cgroups().create("weighted", 0.5, 64);
        slice.setCpuShares(4096);
        assertThat(slice.cpuShares()).isEqualTo(4096);
        assertThatThrownBy(() -> slice.setCpuShares(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shares: 1 (expected: 2..262144)");
        assertThat(slice.cpuShares()).isEqualTo(4096);
    }

    @Test
    void capsABusyLoopAtTheSlicesCpuQuota() throws Exception {
        LocalHostSlice slice = test.cgroups().create("half", 0.5, 64);
        Process loop = test.busyLoop();
        slice.addProcess(loop.pid());
        assertThat(slice.pids()).containsExactly(loop.pid());

        SliceUsage before = slice.usage();
        long startNanos = System.nanoTime();
        Thread.sleep(2_000); // the measurement window itself, not a wait for an event
        SliceUsage after = slice.usage();
        double seconds = (System.nanoTime() - startNanos) / 1e9;

        double cores = (after.cpuUsageNanos() - before.cpuUsageNanos()) / 1e9 / seconds;
        System.out.printf("busy loop in a 0.5-core slice used %.3f cores; throttled %d of %d periods%n", cores,
                after.throttledPeriods() - before.throttledPeriods(), after.periods() - before.periods());
        // The quota caps a loop that wants a whole core. On a loaded 2-core machine the loop may get
        // less than its quota; when it got close to it, periods must have ended throttled.
        assertThat(cores).isLessThanOrEqualTo(0.6).isGreaterThan(0.05);
        if (cores >= 0.45) {
            assertThat(after.throttledPeriods() - before.throttledPeriods()).isPositive();
        }
        assertThat(after.periods() - before.periods()).isGreaterThan(10);
    }

    @Test
    void startsAWrappedCommandInsideTheSlice() throws Exception {
        LocalHostSlice slice = test.cgroups().create("wrapped", 1.0, 64);

        Process loop = test.start(slice.wrapCommand(TestCgroups.BUSY_LOOP));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> slice.pids().contains(loop.pid()));
        String membership = Files.readString(Path.of("/proc/" + loop.pid() + "/cgroup"));
        assertThat(membership).contains(test.cgroups().groupDirs().get(0).getFileName() + "/wrapped");
        // It joined before exec, so what the loop's shell allocated is charged to the slice.
        assertThat(slice.usage().memoryUsedBytes()).isPositive();
    }

    @Test
    void changesAndReadsBackTheCapacity() {
        LocalHostSlice slice = test.cgroups().create("resize", 0.5, 128);
        assertThat(slice.cpuCores()).isCloseTo(0.5, within(1e-9));
        assertThat(slice.memoryMiB()).isEqualTo(128);

        slice.setCpuCores(1.5);
        slice.setMemoryMiB(256);

        assertThat(slice.cpuCores()).isCloseTo(1.5, within(1e-9));
        assertThat(slice.memoryMiB()).isEqualTo(256);
        assertThat(test.cgroups().find("resize")).isPresent();
        assertThat(test.cgroups().hostNames()).containsExactly("resize");
    }

    @Test
    void removesASliceMovingLeftoverProcessesOutWithoutKillingThem() throws Exception {
        LocalHostSlice slice = test.cgroups().create("leftover", 0.2, 64);
        Process loop = test.busyLoop();
        slice.addProcess(loop.pid());

        slice.remove();

        for (Path dir : slice.cgroupDirs()) {
            assertThat(dir).doesNotExist();
        }
        assertThat(loop.isAlive()).isTrue();
        assertThat(Files.readString(Path.of("/proc/" + loop.pid() + "/cgroup"))).doesNotContain("/leftover");
        assertThat(test.cgroups().find("leftover")).isEmpty();
    }

    @Test
    void removeAllRemovesEveryCgroupOfTheGroup() {
        test.cgroups().create("a", 0.5, 64);
        test.cgroups().create("b", 1.0, 64);
        int expected = 2 * test.cgroups().groupDirs().size() + test.cgroups().groupDirs().size();

        assertThat(test.cgroups().removeAll()).isEqualTo(expected);

        for (Path dir : test.cgroups().groupDirs()) {
            assertThat(dir).doesNotExist();
        }
        assertThat(test.cgroups().hostNames()).isEmpty();
    }

    @Test
    void refusesBadInputAndCreatesNothing() {
        assertThatThrownBy(() -> test.cgroups().create("../escape", 1, 64))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host: '../escape'");
        assertThatThrownBy(() -> test.cgroups().create("ok", 0, 64))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpuCores: 0.0 (expected: >= 0.05)");
        assertThatThrownBy(() -> test.cgroups().create("ok", Double.NaN, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> test.cgroups().create("ok", 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memoryMiB: 1 (expected: >= 16)");

        assertThat(test.cgroups().hostNames()).isEmpty();
        assertThatThrownBy(() -> test.cgroups().create("bad-pid", 1, 64).addProcess(Integer.MAX_VALUE))
                .isInstanceOf(CgroupException.class).hasMessageContaining("cannot add process " + Integer.MAX_VALUE);
    }

    @Test
    void refusesToReuseASliceThatHoldsProcesses() throws Exception {
        LocalHostSlice slice = test.cgroups().create("busy", 0.5, 64);
        Process loop = test.busyLoop();
        slice.addProcess(loop.pid());

        assertThatThrownBy(() -> test.cgroups().create("busy", 1.0, 64))
                .isInstanceOf(CgroupException.class).hasMessageContaining("already holds processes");
        assertThat(slice.cpuCores()).isCloseTo(0.5, within(1e-9));
    }
}
