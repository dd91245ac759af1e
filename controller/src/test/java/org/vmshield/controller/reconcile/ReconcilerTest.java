package org.vmshield.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmshield.brain.migration.MigrationMode;
import org.vmshield.brain.migration.MigrationPrediction;
import org.vmshield.brain.model.MigrationOptions;
import org.vmshield.brain.plan.Action;
import org.vmshield.brain.plan.MigrateVm;
import org.vmshield.brain.plan.SwitchVersion;
import org.vmshield.controller.actuate.Actuator;
import org.vmshield.controller.journal.ActionStatus;
import org.vmshield.controller.journal.Journal;
import org.vmshield.controller.testing.FakeHypervisor;
import org.vmshield.hypervisor.HostSpec;
import org.vmshield.hypervisor.VmSpec;

class ReconcilerTest {
    @TempDir Path dir;
    private FakeHypervisor hv;
    private Journal journal;

    @BeforeEach
    void setUp() {
        hv = new FakeHypervisor(true, new HostSpec("small", 1, 1024), new HostSpec("big", 2, 2048));
        journal = Journal.open(dir.resolve("j.db"));
    }

    @AfterEach
    void tearDown() {
        hv.close();
        journal.close();
    }

    @Test
    void settlesEachKindOfActionFromWhatTheHypervisorShows() {
        hv.place(new VmSpec("done", "web", "v1", 1, 256, "big"));
        hv.place(new VmSpec("stayed", "web", "v1", 1, 256, "small"));
        hv.place(new VmSpec("old", "web", "v1", 1, 256, "small"));
        hv.place(new VmSpec("old-v2", "web", "v2", 1, 256, "small"));
        begin("a1", migrate("done"));
        begin("a2", migrate("stayed"));
        begin("a3", migrate("vanished"));
        begin("a4", new SwitchVersion("old", "web", "web", "v1", "v2", "old-v2", "small", SwitchVersion.BLUE_GREEN,
                "i", "r", "e"));
        journal.startAction("a5", "i", "add-rule", "{}", 1);

        List<Reconciler.Outcome> out = new Reconciler(journal, hv, () -> 100).reconcile();

        assertThat(out).extracting(Reconciler.Outcome::status).containsExactly(ActionStatus.SUCCEEDED,
                ActionStatus.ROLLED_BACK, ActionStatus.FAILED, ActionStatus.ROLLED_BACK, ActionStatus.FAILED);
        assertThat(journal.actionsInFlight()).isEmpty();
        assertThat(journal.action("a1").status()).isEqualTo(ActionStatus.SUCCEEDED);
        // Both the old and the new VM ran: the new one is stopped, so the VM serves from exactly one place.
        assertThat(hv.inspect("old-v2")).isEmpty();
        assertThat(hv.inspect("old")).isPresent();
        assertThat(journal.events(0, 100)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("reconcile");
            assertThat(e.subject()).isEqualTo("a1");
        });
    }

    private void begin(String id, Action a) {
        journal.startAction(id, "i", Actuator.kindOf(a), Actuator.spec(a, Actuator.kindOf(a)), 1);
    }

    private static MigrateVm migrate(String vm) {
        return new MigrateVm(vm, "small", "big", new MigrationOptions(true, false), 30,
                new MigrationPrediction(MigrationMode.PRE_COPY, 1, 1, 1, 1, 0, "t"), false, "i", "r", "e");
    }
}
