package org.vmshield.demo.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.vmshield.controller.journal.ActionRecord;
import org.vmshield.controller.journal.ActionStatus;
import org.vmshield.controller.journal.JournalEvent;
import org.vmshield.demo.run.MigrationRecord;
import org.vmshield.demo.scenario.Timeline;
import org.vmshield.hypervisor.Endpoint;
import org.vmshield.hypervisor.MigrationResult;
import org.vmshield.load.LoadReport;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.stats.ClassStats;
import org.vmshield.load.stats.SecondFigures;
import org.vmshield.load.stats.SecondStats;
import org.vmshield.report.model.EventKind;
import org.vmshield.report.model.Phase;
import org.vmshield.report.model.PhaseStats;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.model.HostCpuSecond;

/**
 * A synthetic 40 s run (attack 10-30 s; 10 legitimate requests per second per service, the critical
 * service failing 5 of them per second from 10 s to 13 s) with a journal: an incident opened 1.5 s
 * after onset, a rule at 2 s, a migration requested at 2.5 s, a version switch from 3 s to 8 s.
 */
class RunAssemblerTest {
    private static final long WALL0 = 1_000_000L;

    @Test
    void fillsTheRecordFromTheLoadTheJournalAndTheHypervisor() {
        RunRecord run = RunAssembler.assemble(inputs());
        assertThat(run.detectionSeconds()).isEqualTo(OptionalDouble.of(1.5));
        assertThat(run.firstActionSeconds()).isEqualTo(OptionalDouble.of(2.0));
        assertThat(run.rules()).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo("i1/RATE_LIMIT_PATH//search"));
        assertThat(run.versionSwitches()).singleElement().satisfies(s -> {
            assertThat(s.vm()).isEqualTo("demo-attacked");
            assertThat(s.from()).isEqualTo("v1");
            assertThat(s.to()).isEqualTo("v2");
            assertThat(s.seconds()).isEqualTo(5.0);
            assertThat(s.startMs()).isEqualTo(13_000);
        });
        assertThat(run.migrations()).singleElement().satisfies(m -> {
            assertThat(m.from()).isEqualTo("demo-small");
            assertThat(m.to()).isEqualTo("demo-big");
            assertThat(m.startMs()).isEqualTo(12_500);
            assertThat(m.totalMs()).isEqualTo(900);
            assertThat(m.downtimeMs()).isEqualTo(40);
        });
        assertThat(run.events()).extracting(e -> e.kind())
                .containsSubsequence(EventKind.INCIDENT_OPENED, EventKind.ACTION_STARTED, EventKind.ACTION_FINISHED);
        assertThat(run.services().get("critical")).hasSize(40);
        assertThat(run.hostCpu()).hasSize(40);
    }

    @Test
    void givesExactPhasesFromTheHistogramsWithTheMitigatedPhaseFromTheFirstActionFinished() {
        RunRecord run = RunAssembler.assemble(inputs());
        PhaseStats before = run.exactPhase("critical", Phase.BEFORE).orElseThrow();
        assertThat(before.estimated()).isFalse();
        assertThat(before.requests()).isEqualTo(100);
        assertThat(before.successRate()).isEqualTo(1.0);
        PhaseStats attack = run.exactPhase("critical", Phase.ATTACK).orElseThrow();
        assertThat(attack.requests()).isEqualTo(200);
        assertThat(attack.successRate()).isEqualTo(185 / 200.0);
        // The rule finished at 12 s: seconds 12..29 are mitigated, second 12 still failing 5 of 10.
        PhaseStats mitigated = run.exactPhase("critical", Phase.MITIGATED).orElseThrow();
        assertThat(mitigated.requests()).isEqualTo(180);
        assertThat(mitigated.successRate()).isEqualTo(175 / 180.0);
        assertThat(before.p99Ms()).isBetween(9.0, 11.0);
    }

    @Test
    void withoutActionsThereIsNoFirstActionAndNoMitigatedPhase() {
        RunInputs in = inputs();
        RunRecord run = RunAssembler.assemble(new RunInputs(in.attack(), false, in.timeline(), in.load(),
                in.runStartWallMillis(), in.journal(), List.of(), List.of(), in.hostCpu(), in.attackSeconds()));
        assertThat(run.firstActionSeconds()).isEmpty();
        assertThat(run.detectionSeconds()).isPresent();
        assertThat(run.exactPhase("critical", Phase.MITIGATED)).isEmpty();
        assertThat(run.mitigation()).isFalse();
    }

    @Test
    void readsIncidentIds() {
        assertThat(RunAssembler.incidentKind("COST_ATTACK:pool=attacked@17")).isEqualTo("COST_ATTACK");
        assertThat(RunAssembler.incidentTarget("COST_ATTACK:pool=attacked@17")).isEqualTo("pool=attacked");
    }

    private static RunInputs inputs() {
        List<SecondFigures> series = new ArrayList<>();
        List<HostCpuSecond> cpu = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            Map<String, Map<TrafficClass, SecondStats>> services = new LinkedHashMap<>();
            int failed = s >= 10 && s < 13 ? 5 : 0;
            services.put("critical", Map.of(TrafficClass.LEGIT, second(10, 10 - failed)));
            services.put("attacked", Map.of(TrafficClass.LEGIT, second(10, 10)));
            series.add(new SecondFigures(s + 1, s * 1000L, (s + 1) * 1000L, 1, services));
            cpu.add(new HostCpuSecond(s, "demo-small", 0.3, 0.6));
        }
        LoadReport load = new LoadReport(Instant.ofEpochMilli(WALL0), 40_000, 40_000, "epoll", false, false, 0, 0, 1,
                List.of("legit:critical"), totals(), series);
        List<JournalEvent> journal = List.of(
                new JournalEvent(1, WALL0 + 11_500, "incident", "COST_ATTACK:pool=attacked@1010000", "OPEN", ""),
                new JournalEvent(2, WALL0 + 12_000, "incident", "COST_ATTACK:pool=attacked@1010000", "MITIGATING", ""),
                new JournalEvent(3, WALL0 + 35_000, "incident", "COST_ATTACK:pool=attacked@1010000", "RESOLVED", ""));
        List<ActionRecord> actions = List.of(
                new ActionRecord("a1", "i1", "add-rule", "{\"rule\":{\"id\":\"i1/RATE_LIMIT_PATH//search\","
                        + "\"kind\":\"RATE_LIMIT_PATH\",\"pool\":\"attacked\",\"match\":\"/search\",\"limit\":1.0}}",
                        ActionStatus.SUCCEEDED, WALL0 + 12_000, WALL0 + 12_000, "rule-in-force"),
                new ActionRecord("a2", "i1", "switch-version", "{\"vm\":\"demo-attacked\",\"fromVersion\":\"v1\","
                        + "\"toVersion\":\"v2\"}", ActionStatus.SUCCEEDED, WALL0 + 13_000, WALL0 + 18_000, "STOP_OLD"));
        MigrationResult result = new MigrationResult("demo-attacked", "demo-small", "demo-big", 900, 1_100, 40,
                100_000_000, 3, new Endpoint("127.0.0.1", 4000), false);
        return new RunInputs("mixed", true, new Timeline(40_000, 10_000, 30_000), load, WALL0, journal, actions,
                List.of(new MigrationRecord(WALL0 + 12_500, WALL0 + 13_600, result)), cpu, List.of());
    }

    private static Map<String, Map<TrafficClass, ClassStats>> totals() {
        Map<String, Map<TrafficClass, ClassStats>> m = new LinkedHashMap<>();
        m.put("critical", Map.of(TrafficClass.LEGIT, ClassStats.EMPTY));
        m.put("attacked", Map.of(TrafficClass.LEGIT, ClassStats.EMPTY));
        return m;
    }

    private static SecondStats second(long requests, long successes) {
        Histogram h = new Histogram(3_600_000_000L, 2);
        for (int i = 0; i < requests; i++) {
            h.recordValue(10_000); // 10 ms
        }
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buf, 1);
        byte[] bytes = new byte[length];
        buf.flip();
        buf.get(bytes);
        return new SecondStats(requests, successes, Map.of(), (double) successes / requests, successes, 10, 10, 10, 0,
                bytes);
    }
}
