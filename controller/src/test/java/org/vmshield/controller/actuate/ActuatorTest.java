package org.vmshield.controller.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.PoolView;
import org.vmshield.balancer.config.BackendConfig;
import org.vmshield.brain.migration.MigrationMode;
import org.vmshield.brain.migration.MigrationPrediction;
import org.vmshield.brain.model.ChangeKind;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.MigrationOptions;
import org.vmshield.brain.model.RuleKind;
import org.vmshield.brain.plan.AddFilterRule;
import org.vmshield.brain.plan.MigrateVm;
import org.vmshield.brain.plan.RemoveFilterRule;
import org.vmshield.brain.plan.SetWeight;
import org.vmshield.brain.plan.SwitchVersion;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.config.VmDecl;
import org.vmshield.controller.journal.ActionStatus;
import org.vmshield.controller.journal.Journal;
import org.vmshield.controller.journal.JournalEvent;
import org.vmshield.controller.state.ControlState;
import org.vmshield.controller.state.RuleMapper;
import org.vmshield.controller.testing.FakeHypervisor;
import org.vmshield.controller.testing.Fixtures;
import org.vmshield.hypervisor.VmInfo;
import org.vmshield.hypervisor.VmSpec;

class ActuatorTest {
    @TempDir Path dir;
    private ControllerConfig config;
    private FakeHypervisor hv;
    private Balancer balancer;
    private Journal journal;
    private ControlState state;
    private Actuator actuator;
    private long now = 1_000_000;

    @BeforeEach
    void setUp() {
        config = Fixtures.config(dir);
        hv = Fixtures.hypervisor(config);
        balancer = Fixtures.balancer(config);
        journal = Journal.open(dir.resolve("journal.db"));
        state = new ControlState(journal);
        for (VmDecl d : config.vms()) {
            VmInfo v = hv.start(new VmSpec(d.name(), d.service(), d.version(), d.vcpus(), d.memoryMiB(), d.host()));
            state.putVm(d);
            balancer.addBackend(config.service(d.service()).orElseThrow().pool(),
                    new BackendConfig(d.name(), v.endpoint().toString(), null, "active"));
        }
        actuator = new Actuator(hv, balancer, journal, state,
                new ActuatorSettings(Map.of("web", "web", "critical", "critical"), Map.of(), true, 5_000, 5_000),
                () -> now);
    }

    @AfterEach
    void tearDown() {
        actuator.close();
        balancer.close();
        hv.close();
        journal.close();
    }

    @Test
    void blocksASourceOnTheBalancerAndJournalsTheSteps() throws Exception {
        FilterRule rule = new FilterRule("VOLUMETRIC_FLOOD:pool=web@1/BLOCK_SOURCE/127.66.0.7", RuleKind.BLOCK_SOURCE,
                "web", "127.66.0.7", 0, "VOLUMETRIC_FLOOD:pool=web@1", now + 60_000);
        ActionView v = actuator.execute(new AddFilterRule(rule, "flood", "less flood"));

        assertThat(v.status()).isEqualTo("SUCCEEDED");
        assertThat(balancer.rules()).extracting(r -> r.id()).contains(RuleMapper.balancerId(rule.id()));
        int port = balancer.listenerPort("web");
        assertThat(Fixtures.rawGetFrom("127.66.0.7", port, "/")).isEmpty();
        assertThat(Fixtures.rawGetFrom("127.1.0.7", port, "/")).contains("200");
        assertThat(state.rules()).containsExactly(rule);
        assertThat(journal.action(v.actionId()).status()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(journal.action(v.actionId()).lastStep()).isEqualTo("rule-in-force");

        ActionView removed = actuator.execute(new RemoveFilterRule(rule.id(), "web", rule.incidentId(), "over", ""));
        assertThat(removed.status()).isEqualTo("SUCCEEDED");
        assertThat(balancer.rules()).isEmpty();
        assertThat(state.rules()).isEmpty();
        assertThat(Fixtures.rawGetFrom("127.66.0.7", port, "/")).contains("200");
    }

    @Test
    void setsAWeightAndForgetsItWhenRestored() {
        assertThat(actuator.execute(new SetWeight("web", "web-1", 20, 100, "i1", "r", "e")).status()).isEqualTo("SUCCEEDED");
        assertThat(weight("web", "web-1")).isEqualTo(20);
        assertThat(state.weights()).hasSize(1);
        actuator.execute(new SetWeight("web", "web-1", 100, 100, "i1", "r", "e"));
        assertThat(weight("web", "web-1")).isEqualTo(100);
        assertThat(state.weights()).isEmpty();
    }

    @Test
    void migratesWithUserNetworkingAndServesFromTheNewEndpoint() {
        String before = hv.inspect("web-1").orElseThrow().endpoint().toString();
        ActionView v = actuator.execute(migrate("web-1", "small", "big", "inc-1"));
        assertThat(v.status()).isEqualTo("RUNNING");

        ActionView done = awaitEnd(v.actionId());
        assertThat(done.status()).isEqualTo("SUCCEEDED");
        VmInfo after = hv.inspect("web-1").orElseThrow();
        assertThat(after.host()).isEqualTo("big");
        assertThat(after.endpoint().toString()).isNotEqualTo(before);
        PoolView.BackendView b = backend("web", "web-1");
        assertThat(b.address()).isEqualTo(after.endpoint().toString());
        assertThat(b.state()).isEqualTo("active");
        assertThat(Fixtures.get(balancer, "web", "/").statusCode()).isEqualTo(200);
        assertThat(state.inFlight()).isEmpty();
        assertThat(state.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.MIGRATED);
            assertThat(c.homeHost()).isEqualTo("small");
        });
        assertThat(steps(v.actionId())).containsExactly("migration-started", "qemu-completed", "address-switched",
                "serving-verified");
    }

    @Test
    void rollsBackAFailedMigrationAndKeepsTheBackendServing() {
        hv.failMigrations = true;
        String before = hv.inspect("web-1").orElseThrow().endpoint().toString();
        ActionView done = awaitEnd(actuator.execute(migrate("web-1", "small", "big", "inc-1")).actionId());

        assertThat(done.status()).isEqualTo("ROLLED_BACK");
        assertThat(done.detail()).contains("stays on small");
        assertThat(backend("web", "web-1").address()).isEqualTo(before);
        assertThat(backend("web", "web-1").state()).isEqualTo("active");
        assertThat(Fixtures.get(balancer, "web", "/").statusCode()).isEqualTo(200);
        assertThat(state.changes()).isEmpty();
        assertThat(journal.action(done.actionId()).status()).isEqualTo(ActionStatus.ROLLED_BACK);
    }

    @Test
    void refusesASecondLongActionOnABusyVm() {
        hv.failMigrations = false;
        ActionView first = actuator.execute(migrate("web-1", "small", "big", "inc-1"));
        ActionView second = actuator.execute(migrate("web-1", "small", "spare", "inc-1"));
        assertThat(second.status()).isEqualTo("FAILED");
        assertThat(second.detail()).contains("already has an action in flight");
        assertThat(awaitEnd(first.actionId()).status()).isEqualTo("SUCCEEDED");
        assertThat(hv.inspect("web-1").orElseThrow().host()).isEqualTo("big");
    }

    @Test
    void switchesVersionBlueGreen() {
        SwitchVersion s = new SwitchVersion("web-1", "web", "web", "v1", "v2", "web-1-v2", "small",
                SwitchVersion.BLUE_GREEN, "inc-2", "cost attack", "patched");
        ActionView done = awaitEnd(actuator.execute(s).actionId());

        assertThat(done.status()).isEqualTo("SUCCEEDED");
        assertThat(hv.inspect("web-1")).isEmpty();
        assertThat(hv.inspect("web-1-v2")).hasValueSatisfying(v -> assertThat(v.spec().version()).isEqualTo("v2"));
        assertThat(balancer.pool("web").backends()).extracting(PoolView.BackendView::id).containsExactly("web-1-v2");
        assertThat(Fixtures.get(balancer, "web", "/version").body()).isEqualTo("v2");
        assertThat(steps(done.actionId())).containsExactly("START_NEW", "CHECK_HEALTH", "SHIFT_TRAFFIC", "DRAIN_OLD",
                "STOP_OLD");
        assertThat(state.vm("web-1-v2")).hasValueSatisfying(d -> assertThat(d.version()).isEqualTo("v2"));
    }

    @Test
    void rollsBackASwitchWhoseNewVmReportsTheWrongVersion() {
        hv.reportedVersionOverride = "v1";
        SwitchVersion s = new SwitchVersion("web-1", "web", "web", "v1", "v2", "web-1-v2", "small",
                SwitchVersion.BLUE_GREEN, "inc-2", "cost attack", "patched");
        ActionView done = awaitEnd(actuator.execute(s).actionId());

        assertThat(done.status()).isEqualTo("ROLLED_BACK");
        assertThat(done.detail()).contains("reports version 'v1'");
        assertThat(hv.inspect("web-1-v2")).isEmpty();
        assertThat(hv.inspect("web-1")).isPresent();
        assertThat(balancer.pool("web").backends()).extracting(PoolView.BackendView::id).containsExactly("web-1");
    }

    private MigrateVm migrate(String vm, String from, String to, String incident) {
        return new MigrateVm(vm, from, to, new MigrationOptions(true, false), 30,
                new MigrationPrediction(MigrationMode.PRE_COPY, 2, 300, 500, 3, 0, "test"), false, incident, "r", "e");
    }

    private ActionView awaitEnd(String actionId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> find(actionId).endedMillis() != 0);
        return find(actionId);
    }

    private ActionView find(String actionId) {
        return actuator.actions().stream().filter(a -> a.actionId().equals(actionId)).findFirst().orElseThrow();
    }

    private List<String> steps(String actionId) {
        return journal.events(0, 1000).stream().filter(e -> e.type().equals("step") && e.subject().equals(actionId))
                .map(JournalEvent::status).toList();
    }

    private int weight(String pool, String id) {
        return backend(pool, id).weight();
    }

    private PoolView.BackendView backend(String pool, String id) {
        return balancer.pool(pool).backends().stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
    }
}
