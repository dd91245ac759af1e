package org.vmshield.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.PoolView;
import org.vmshield.brain.Brain;
import org.vmshield.brain.migration.MigrationMode;
import org.vmshield.brain.migration.MigrationPrediction;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.MigrationOptions;
import org.vmshield.brain.model.RuleKind;
import org.vmshield.brain.plan.MigrateVm;
import org.vmshield.controller.actuate.Actuator;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.journal.ActionStatus;
import org.vmshield.controller.journal.Journal;
import org.vmshield.controller.state.ControlState;
import org.vmshield.controller.state.RuleMapper;
import org.vmshield.controller.testing.FakeHypervisor;
import org.vmshield.controller.testing.Fixtures;
import org.vmshield.hypervisor.VmSpec;

class ControllerTest {
    @TempDir Path dir;
    private final AtomicLong clock = new AtomicLong(1_000_000);

    @Test
    void startsTheConfiguredVmsFillsThePoolsAndStopsThemOnClose() {
        ControllerConfig config = Fixtures.config(dir);
        try (FakeHypervisor hv = Fixtures.hypervisor(config); Balancer balancer = Fixtures.balancer(config);
                Journal journal = Journal.open(config.journal())) {
            Controller c = new Controller(config, hv, balancer, journal, Brain.withDefaults(), true, clock::get);
            c.prepare();
            assertThat(hv.vms()).extracting(v -> v.name()).containsExactly("web-1", "crit-1");
            assertThat(balancer.pool("web").backends()).extracting(PoolView.BackendView::id).containsExactly("web-1");
            assertThat(Fixtures.get(balancer, "critical", "/health").body()).isEqualTo("ok");
            c.close();
            assertThat(hv.vms()).isEmpty();
        }
    }

    @Test
    void keepsTickingWhenATickFails() {
        ControllerConfig config = Fixtures.config(dir);
        try (FakeHypervisor hv = Fixtures.hypervisor(config); Balancer balancer = Fixtures.balancer(config);
                Journal journal = Journal.open(config.journal());
                Controller c = new Controller(config, hv, balancer, journal, Brain.withDefaults(), true,
                        clock::incrementAndGet)) {
            c.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> (long) c.status().get("ticks") >= 2);
            assertThat(c.status().get("failedTicks")).isEqualTo(0L);
            hv.vmsFailure = new IllegalStateException("hypervisor hiccup");
            await().atMost(Duration.ofSeconds(10)).until(() -> (long) c.status().get("failedTicks") >= 2);
            assertThat((String) c.status().get("lastError")).contains("hypervisor hiccup");
            hv.vmsFailure = null;
            long failed = (long) c.status().get("failedTicks");
            long ticks = (long) c.status().get("ticks");
            await().atMost(Duration.ofSeconds(10)).until(() -> (long) c.status().get("ticks") >= ticks + 3);
            // At most the tick running when the failure was lifted may still have failed.
            assertThat((long) c.status().get("failedTicks")).isLessThanOrEqualTo(failed + 1);
        }
    }

    @Test
    void reconcilesAfterACrashAndReappliesRules() {
        ControllerConfig config = Fixtures.config(dir);
        // First run: a rule is in force and a migration of web-1 small->big is in flight when the process dies.
        try (Journal journal = Journal.open(config.journal())) {
            ControlState state = new ControlState(journal);
            state.putRule(new FilterRule("inc/BLOCK_SOURCE/127.66.0.9", RuleKind.BLOCK_SOURCE, "web", "127.66.0.9", 0,
                    "inc", clock.get() + 600_000));
            state.putRule(new FilterRule("old/BLOCK_SOURCE/127.66.0.8", RuleKind.BLOCK_SOURCE, "web", "127.66.0.8", 0,
                    "old", clock.get() - 1));
            MigrateVm m = new MigrateVm("web-1", "small", "big", new MigrationOptions(true, false), 30,
                    new MigrationPrediction(MigrationMode.PRE_COPY, 1, 1, 1, 1, 0, "t"), false, "inc", "r", "e");
            journal.startAction("crashed-1", "inc", "migrate", Actuator.spec(m, "migrate"), clock.get());
            journal.recordStep("crashed-1", "migration-started", clock.get(), "small->big");
        }
        // Second run: the hypervisor shows web-1 on big (the migration finished without us).
        try (FakeHypervisor hv = Fixtures.hypervisor(config); Balancer balancer = Fixtures.balancer(config);
                Journal journal = Journal.open(config.journal())) {
            hv.place(new VmSpec("web-1", "web", "v1", 2, 256, "big"));
            try (Controller c = new Controller(config, hv, balancer, journal, Brain.withDefaults(), true, clock::get)) {
                c.prepare();
                assertThat(journal.action("crashed-1").status()).isEqualTo(ActionStatus.SUCCEEDED);
                assertThat(journal.actionsInFlight()).isEmpty();
                // web-1 serves from exactly one place: big, not restarted on small.
                assertThat(hv.vms()).filteredOn(v -> v.name().equals("web-1")).singleElement()
                        .satisfies(v -> assertThat(v.host()).isEqualTo("big"));
                assertThat(balancer.rules()).extracting(r -> r.id())
                        .containsExactly(RuleMapper.balancerId("inc/BLOCK_SOURCE/127.66.0.9"));
                assertThat(c.control().rules()).hasSize(1);
                assertThat(Fixtures.get(balancer, "web", "/").statusCode()).isEqualTo(200);
            }
        }
    }
}
