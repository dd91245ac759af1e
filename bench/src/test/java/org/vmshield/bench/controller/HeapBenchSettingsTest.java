package org.vmshield.bench.controller;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapBenchSettingsTest {
    @Test
    void defaultsAreTheIssuesRunAndValid() {
        HeapBenchSettings s = HeapBenchSettings.defaults();
        assertThat(s.vms()).isEqualTo(20);
        assertThat(s.maxHeapMiB()).isEqualTo(HeapBenchSettings.TARGET_HEAP_MIB).isEqualTo(128);
        assertThat(s.problems()).isEmpty();
        assertThat(s.guestsMemoryMiB()).isEqualTo(20L * (128 + 96));
    }

    @Test
    void eachBadOptionIsNamedWithWhatWasExpected() {
        HeapBenchSettings s = new HeapBenchSettings(0, 5, 8, 32, 9, -1);
        assertThat(s.problems()).containsExactly(
                "--vms: 0 (expected: 1..40)",
                "--seconds: 5 (expected: 10..600)",
                "--max-heap-mib: 8 (expected: 0 for the JVM's default, or 16..65536)",
                "--guest-memory-mib: 32 (expected: 64..4096)",
                "--boot-parallel: 9 (expected: 1..8)",
                "--load-rps: -1.0 (expected: 0..50 per service)");
    }

    @Test
    void boundsAreInclusiveAndZeroHeapMeansTheJvmDefault() {
        assertThat(new HeapBenchSettings(1, 10, 0, 64, 1, 0).problems()).isEmpty();
        assertThat(new HeapBenchSettings(40, 600, 16, 4096, 8, 50).problems()).isEmpty();
        assertThat(new HeapBenchSettings(41, 601, 65_537, 4097, 0, Double.NaN).problems()).hasSize(6);
    }
}
