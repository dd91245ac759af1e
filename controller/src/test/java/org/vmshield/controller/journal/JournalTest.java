package org.vmshield.controller.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir Path dir;

    @Test
    void keepsActionsAndTheirStepsAcrossAReopen() {
        Path file = dir.resolve("journal.db");
        try (Journal j = Journal.open(file)) {
            j.recordIncident("inc-1", "COST_ATTACK", "OPEN", 1_000, "{\"path\":\"/search\"}");
            j.recordDecision("inc-1", 1_100, "switch vm-a to v2: /search is vulnerable in v1");
            j.startAction("act-1", "inc-1", "switch-version", "{\"vm\":\"vm-a\",\"to\":\"v2\"}", 1_200);
            j.recordStep("act-1", "new-vm-started", 1_500, "vm-a-v2 on host big");
            j.startAction("act-2", "inc-1", "add-rule", "{\"rule\":\"r1\"}", 1_250);
            j.finishAction("act-2", ActionStatus.SUCCEEDED, 1_300, "rule r1 active");
            j.recordIncident("inc-1", "COST_ATTACK", "MITIGATING", 1_600, "{}");
        }
        try (Journal j = Journal.open(file)) {
            List<ActionRecord> inFlight = j.actionsInFlight();
            assertThat(inFlight).extracting(ActionRecord::actionId).containsExactly("act-1");
            assertThat(inFlight.get(0).lastStep()).isEqualTo("new-vm-started");
            assertThat(inFlight.get(0).specJson()).contains("\"to\":\"v2\"");
            assertThat(j.action("act-2").status()).isEqualTo(ActionStatus.SUCCEEDED);
            assertThat(j.action("act-2").endedMillis()).isEqualTo(1_300);
            assertThat(j.incidentState("inc-1")).isEqualTo("MITIGATING");
            assertThat(j.events(0, 100))
                    .extracting(JournalEvent::type)
                    .containsExactly("incident", "decision", "action", "step", "action", "action", "incident");
        }
    }

    @Test
    void eventsArePagedInOrder() {
        try (Journal j = Journal.open(dir.resolve("j.db"))) {
            for (int i = 0; i < 5; i++) {
                j.recordDecision("inc", i, "d" + i);
            }
            List<JournalEvent> first = j.events(0, 2);
            List<JournalEvent> rest = j.events(first.get(1).sequence(), 10);
            assertThat(first).extracting(JournalEvent::detail).containsExactly("d0", "d1");
            assertThat(rest).extracting(JournalEvent::detail).containsExactly("d2", "d3", "d4");
        }
    }

    @Test
    void refusesBadWritesAndChangesNothing() {
        try (Journal j = Journal.open(dir.resolve("j.db"))) {
            j.startAction("a", "i", "migrate", "{}", 1);
            long before = j.events(0, 1000).size();

            assertThatThrownBy(() -> j.startAction("a", "i", "migrate", "{}", 2))
                    .isInstanceOf(JournalException.class).hasMessageContaining("already in the journal");
            assertThatThrownBy(() -> j.recordStep("nope", "x", 3, ""))
                    .isInstanceOf(JournalException.class).hasMessageContaining("not in the journal");
            assertThatThrownBy(() -> j.finishAction("a", ActionStatus.IN_FLIGHT, 4, ""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: SUCCEEDED");
            assertThatThrownBy(() -> j.startAction(" ", "i", "migrate", "{}", 5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actionId");
            assertThatThrownBy(() -> j.events(0, 0)).isInstanceOf(IllegalArgumentException.class);

            j.finishAction("a", ActionStatus.FAILED, 6, "destination died");
            assertThatThrownBy(() -> j.finishAction("a", ActionStatus.SUCCEEDED, 7, ""))
                    .isInstanceOf(JournalException.class).hasMessageContaining("already ended as FAILED");
            assertThatThrownBy(() -> j.recordStep("a", "late", 8, ""))
                    .isInstanceOf(JournalException.class);

            assertThat(j.events(0, 1000)).hasSize((int) before + 1);
            assertThat(j.action("a").status()).isEqualTo(ActionStatus.FAILED);
        }
    }

    @Test
    void whatWasWrittenSurvivesAKillMinusNine() throws Exception {
        Path file = dir.resolve("killed.db");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"),
                        JournalWriterThenHang.class.getName(), file.toString())
                .redirectErrorStream(true)
                .start();
        try {
            String line = new String(child.getInputStream().readNBytes("written\n".length()));
            assertThat(line).isEqualTo("written\n");
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close()
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (Journal j = Journal.open(file)) {
            assertThat(j.actionsInFlight()).singleElement().satisfies(a -> {
                assertThat(a.actionId()).isEqualTo("migrate-1");
                assertThat(a.lastStep()).isEqualTo("migrating");
            });
        }
    }

    @Test
    void refusesAFileThatIsNotAJournal() throws Exception {
        Path notADb = dir.resolve("text.db");
        java.nio.file.Files.writeString(notADb, "this is not an sqlite database, just text that is long enough");
        assertThatThrownBy(() -> Journal.open(notADb))
                .isInstanceOf(JournalException.class).hasMessageContaining(notADb.toString());
    }
}
