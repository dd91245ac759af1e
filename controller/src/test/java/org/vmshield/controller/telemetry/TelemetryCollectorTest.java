package org.vmshield.controller.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.config.BackendConfig;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.testing.FakeHypervisor;
import org.vmshield.controller.testing.Fixtures;
import org.vmshield.hypervisor.VmInfo;
import org.vmshield.hypervisor.VmSpec;
import org.vmshield.model.telemetry.HostUsage;
import org.vmshield.model.telemetry.TelemetrySnapshot;
import org.vmshield.model.telemetry.VmUsage;

class TelemetryCollectorTest {
    @TempDir Path dir;

    @Test
    void combinesBalancerTrafficAndHypervisorUse() {
        ControllerConfig config = Fixtures.config(dir);
        try (FakeHypervisor hv = Fixtures.hypervisor(config); Balancer balancer = Fixtures.balancer(config)) {
            VmInfo vm = hv.start(new VmSpec("web-1", "web", "v1", 1, 256, "small"));
            balancer.addBackend("web", new BackendConfig("web-1", vm.endpoint().toString(), null, "active"));
            hv.hostCoresUsed = 0.75;
            hv.throttled = 0.4;
            TelemetryCollector collector = new TelemetryCollector(balancer::snapshot, hv);

            await().atMost(Duration.ofSeconds(10)).until(() -> {
                Fixtures.get(balancer, "web", "/");
                return collector.collect(1).traffic().pool("web")
                        .map(p -> p.traffic().requestsPerSec() > 0).orElse(false);
            });
            TelemetrySnapshot s = collector.collect(42_000);

            assertThat(s.atMillis()).isEqualTo(42_000);
            HostUsage small = s.hypervisor().hosts().stream().filter(h -> h.host().equals("small")).findFirst().orElseThrow();
            assertThat(small.cpuCapacityCores()).isEqualTo(1.0);
            assertThat(small.cpuUsedCores()).isEqualTo(0.75);
            assertThat(small.throttledFraction()).isEqualTo(0.4);
            assertThat(small.memoryCapacityMiB()).isEqualTo(1024);
            VmUsage v = s.hypervisor().vms().get(0);
            assertThat(v.vm()).isEqualTo("web-1");
            assertThat(v.cpuUsedCores()).isEqualTo(0.2);
            // The guest's memory size (what a migration copies), not the process's RSS (180).
            assertThat(v.memoryMiB()).isEqualTo(256);
            assertThat(v.dirtyRateMiBPerSec()).isNaN();
            assertThat(s.traffic().pool("web").orElseThrow().traffic().requestsPerSec()).isPositive();
        }
    }

    @Test
    void aFailingHypervisorYieldsAnEmptyHypervisorPart() {
        ControllerConfig config = Fixtures.config(dir);
        try (FakeHypervisor hv = Fixtures.hypervisor(config); Balancer balancer = Fixtures.balancer(config)) {
            hv.usageFailure = new IllegalStateException("cgroup gone");
            TelemetrySnapshot s = new TelemetryCollector(balancer::snapshot, hv).collect(7);
            assertThat(s.hypervisor().hosts()).isEmpty();
            assertThat(s.traffic()).isSameAs(balancer.snapshot());
        }
    }
}
