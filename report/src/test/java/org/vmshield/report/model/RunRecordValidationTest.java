package org.vmshield.report.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunRecordValidationTest {

    private static RunRecord.Builder valid() {
        return RunRecord.builder().scenario("canonical").attackKind("mixed").durationMs(10_000)
                .attackWindow(2_000, 8_000).service("critical");
    }

    @Test
    void refusesNegativeTimes() {
        assertThatThrownBy(() -> valid().attackWindow(-1, 8_000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected");
        assertThatThrownBy(() -> valid().addEvent(-5, EventKind.INCIDENT_OPENED, "x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event atMs: -5 (expected: >= 0)");
        assertThatThrownBy(() -> valid().detectionSeconds(-0.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("detectionSeconds");
        assertThatThrownBy(() -> new Migration("vm", "a", "b", -1, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("migration startMs: -1");
    }

    @Test
    void refusesAnAttackWindowOutsideTheRun() {
        assertThatThrownBy(() -> valid().attackWindow(5_000, 5_000).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attackEndMs: 5000 (expected: > attackOnsetMs 5000 and <= durationMs 10000)");
        assertThatThrownBy(() -> valid().attackWindow(5_000, 11_000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<= durationMs 10000");
        assertThatThrownBy(() -> RunRecord.builder().scenario("s").attackKind("k").attackWindow(0, 1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("durationMs");
    }

    @Test
    void refusesSamplesOutOfOrder() {
        assertThatThrownBy(() -> valid()
                .addServiceSecond("critical", new ServiceSecond(3, 1, 1, 0, 1, 2))
                .addServiceSecond("critical", new ServiceSecond(2, 1, 1, 0, 1, 2)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("service critical: sample of second 2 after second 3 (expected: samples in increasing seconds)");
        assertThatThrownBy(() -> valid()
                .addAttack(new AttackSecond(4, 1, 0)).addAttack(new AttackSecond(4, 1, 0)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attack: sample of second 4 after second 4");
        assertThatThrownBy(() -> valid()
                .addHostCpu(new HostCpuSecond(1, "small", 0.5, 1))
                .addHostCpu(new HostCpuSecond(1, "big", 0.5, 2))
                .addHostCpu(new HostCpuSecond(0, "small", 0.5, 1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host small: sample of second 0");
    }

    @Test
    void refusesSamplesAfterTheRun() {
        assertThatThrownBy(() -> valid().addServiceSecond("critical", new ServiceSecond(10, 1, 1, 0, 1, 2)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("second 10 (expected: a second that starts before durationMs 10000)");
    }

    @Test
    void refusesInconsistentSamples() {
        assertThatThrownBy(() -> new ServiceSecond(0, 1, 1, 0, 20, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: p50Ms <= p99Ms");
        assertThatThrownBy(() -> new ServiceSecond(0, 1, 1, 0, Double.NaN, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no latency");
        assertThatThrownBy(() -> new ServiceSecond(0, -1, 0, 0, Double.NaN, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requests: -1 (expected: >= 0)");
        assertThatThrownBy(() -> new HostCpuSecond(0, "small", 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacityCores: 0 (expected: > 0)");
        assertThatThrownBy(() -> new Migration("vm", "a", "b", 0, 10, 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("downtimeMs <= totalMs");
        assertThatThrownBy(() -> PhaseStats.exact(10, 11, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("successes: 11");
    }

    @Test
    void refusesMissingNamesAndUnknownServices() {
        assertThatThrownBy(() -> valid().scenario(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("scenario: missing (expected: a non-empty text)");
        assertThatThrownBy(() -> valid().exactPhase("nope", Phase.BEFORE, PhaseStats.exact(1, 1, 1, 1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exact phases of service nope");
        assertThatThrownBy(() -> RunRecord.builder().scenario("s").attackKind("k").durationMs(10).attackWindow(0, 5)
                .build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one service");
    }
}
