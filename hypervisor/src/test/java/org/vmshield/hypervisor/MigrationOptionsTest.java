package org.vmshield.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vmshield.hypervisor.MigrationOptions.TimeoutAction;

class MigrationOptionsTest {
    @Test
    void defaultsAreFastWithAShortDowntimeAndCancelOnTimeout() {
        MigrationOptions o = MigrationOptions.defaults();
        assertThat(o.downtimeLimitMillis()).isEqualTo(MigrationOptions.DEFAULT_DOWNTIME_LIMIT_MILLIS);
        assertThat(o.autoConverge()).isTrue();
        assertThat(o.onTimeout()).isEqualTo(TimeoutAction.CANCEL);
        assertThat(o.completionTimeoutFor(512)).isEqualTo(Duration.ofSeconds(75));
    }

    @Test
    void rejectsContradictionsAndOutOfRangeValues() {
        MigrationOptions o = MigrationOptions.defaults();
        assertThatThrownBy(() -> o.withMaxBandwidthBytesPerSec(10)).hasMessageContaining("maxBandwidthBytesPerSec: 10");
        assertThatThrownBy(() -> o.withDowntimeLimitMillis(0)).hasMessageContaining("downtimeLimitMillis: 0");
        assertThatThrownBy(() -> o.withMultifdChannels(17)).hasMessageContaining("multifdChannels: 17");
        assertThatThrownBy(() -> o.withPostCopy(true).withMultifdChannels(2)).hasMessageContaining("postCopy");
        assertThatThrownBy(() -> o.withGuardRails(Duration.ofSeconds(1), Duration.ofSeconds(1), TimeoutAction.POSTCOPY))
                .hasMessageContaining("expected: postCopy = true");
        assertThatThrownBy(() -> o.withGuardRails(Duration.ZERO, Duration.ofSeconds(1), TimeoutAction.CANCEL))
                .hasMessageContaining("completionTimeoutPerGiB");
        assertThat(o.withPostCopy(true).withGuardRails(Duration.ofSeconds(1), Duration.ofSeconds(1), TimeoutAction.POSTCOPY)
                .onTimeout()).isEqualTo(TimeoutAction.POSTCOPY);
    }

    @Test
    void specsValidateNamesAndSizes() {
        assertThatThrownBy(() -> new VmSpec("Web 1", "web", "v1", 1, 128, "a")).hasMessageContaining("VM name: Web 1");
        assertThatThrownBy(() -> new VmSpec("web1", "web", "v1", 0, 128, "a")).hasMessageContaining("vCpus");
        assertThatThrownBy(() -> new VmSpec("web1", "web", "v1", 1, 32, "a")).hasMessageContaining("memoryMiB of VM web1: 32");
        assertThatThrownBy(() -> new HostSpec("a", 0.01, 128)).hasMessageContaining("cpuCores of host a");
        assertThat(new VmSpec("web1", "web", "v1", 1, 128, "a").onHost("b").host()).isEqualTo("b");
    }
}
