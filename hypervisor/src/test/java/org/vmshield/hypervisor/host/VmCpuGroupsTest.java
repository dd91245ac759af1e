package org.vmshield.hypervisor.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vmshield.hypervisor.testing.QemuTests;

/** Per-VM CPU caps on real cgroups with real processes (needs root; cgroup v1, as on this project's machines). */
@Timeout(60)
class VmCpuGroupsTest {
    @RegisterExtension
    final TestCgroups test = new TestCgroups("caps");

    @Test
    void aCappedVmIsThrottledAloneAndTheHostKeepsItsRoom() throws Exception {
        LocalHostSlice slice = test.cgroups().create("host", 1.0, 64);
        VmCpuGroups caps = slice.vmCpuGroups();
        if (!caps.supported()) {
            assertThatThrownBy(() -> caps.cap("vm-a", ProcessHandle.current().pid(), 0.5))
                    .isInstanceOf(CgroupException.class).hasMessageContaining("need cgroup v1");
            return;
        }
        Process loop = test.busyLoop();
        slice.addProcess(loop.pid());
        caps.cap("vm-a", loop.pid(), 0.5);
        assertThat(slice.pids()).as("a capped process is still the host's").containsExactly(loop.pid());
        assertThat(Files.readString(Path.of("/proc/" + loop.pid() + "/cgroup"))).contains("/host/vm-a");

        SliceUsage hostBefore = slice.usage();
        SliceUsage capBefore = caps.usage().get("vm-a");
        long startNanos = System.nanoTime();
        Thread.sleep(2_000); // the measurement window itself, not a wait for an event
        SliceUsage hostAfter = slice.usage();
        SliceUsage capAfter = caps.usage().get("vm-a");
        double seconds = (System.nanoTime() - startNanos) / 1e9;

        double cores = (hostAfter.cpuUsageNanos() - hostBefore.cpuUsageNanos()) / 1e9 / seconds;
        long capThrottled = capAfter.throttledPeriods() - capBefore.throttledPeriods();
        long hostThrottled = hostAfter.throttledPeriods() - hostBefore.throttledPeriods();
        long hostPeriods = hostAfter.periods() - hostBefore.periods();
        System.out.printf("busy loop capped at 0.5 in a 1.0-core host used %.3f cores; its group throttled %d"
                + " periods, the host %d of %d%n", cores, capThrottled, hostThrottled, hostPeriods);
        // On a loaded 2-core machine the loop may get less than its cap; when it got close, its own
        // group must have been throttled, the host hardly ever (its quota is twice the cap).
        assertThat(cores).isLessThanOrEqualTo(0.6).isGreaterThan(0.05);
        if (cores >= 0.45) {
            assertThat(capThrottled).isPositive();
        }
        assertThat(hostThrottled).isLessThanOrEqualTo(hostPeriods / 20);
    }

    @Test
    void uncapMovesTheProcessBackAndEmptyGroupsAreRemoved() throws Exception {
        LocalHostSlice slice = hostWithV1Caps(1.0);
        VmCpuGroups caps = slice.vmCpuGroups();
        Process a = busyLoopIn(slice);
        Process b = busyLoopIn(slice);
        caps.cap("vm-a", a.pid(), 0.4);
        caps.cap("vm-b", b.pid(), 0.4);
        caps.cap("vm-b", b.pid(), 0.3); // a new cap for the same group

        assertThat(caps.uncap("vm-a")).isTrue();
        assertThat(caps.uncap("vm-a")).isFalse();
        assertThat(Files.readString(Path.of("/proc/" + a.pid() + "/cgroup"))).doesNotContain("/vm-a");
        assertThat(slice.pids()).containsExactlyInAnyOrder(a.pid(), b.pid());

        b.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> caps.removeEmpty() == 1);
        assertThat(caps.usage()).isEmpty();
    }

    @Test
    void removingTheHostRemovesItsCapsAndKillsNothing() throws Exception {
        LocalHostSlice slice = hostWithV1Caps(1.0);
        VmCpuGroups caps = slice.vmCpuGroups();
        Process loop = busyLoopIn(slice);
        caps.cap("vm-a", loop.pid(), 0.5);

        slice.remove();

        for (Path dir : slice.cgroupDirs()) {
            assertThat(dir).doesNotExist();
        }
        assertThat(loop.isAlive()).isTrue();
    }

    @Test
    void refusesBadCapsAndChangesNothing() throws Exception {
        LocalHostSlice slice = hostWithV1Caps(0.5);
        VmCpuGroups caps = slice.vmCpuGroups();
        Process loop = busyLoopIn(slice);

        assertThatThrownBy(() -> caps.cap("../escape", loop.pid(), 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> caps.cap("vm-a", loop.pid(), 0.01)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cpuCores: 0.01");
        assertThatThrownBy(() -> caps.cap("vm-a", -1, 0.2)).isInstanceOf(IllegalArgumentException.class);
        // above the host's quota: cgroup v1 refuses a child quota larger than its parent's
        assertThatThrownBy(() -> caps.cap("vm-a", loop.pid(), 0.8)).isInstanceOf(CgroupException.class)
                .hasMessageContaining("cannot cap process " + loop.pid());
        assertThat(caps.usage()).as("no group left behind").isEmpty();
        assertThat(slice.pids()).containsExactly(loop.pid());
    }

    /** Creates a host of {@code cores}; skips (locally) or fails (under CI) without cgroup v1. */
    private LocalHostSlice hostWithV1Caps(double cores) {
        LocalHostSlice slice = test.cgroups().create("host", cores, 64);
        QemuTests.requireThat(slice.vmCpuGroups().supported(), "per-VM CPU caps need cgroup v1");
        return slice;
    }

    private Process busyLoopIn(LocalHostSlice slice) throws java.io.IOException {
        Process loop = test.busyLoop();
        slice.addProcess(loop.pid());
        return loop;
    }
}
