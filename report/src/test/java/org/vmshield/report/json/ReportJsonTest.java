package org.vmshield.report.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vmshield.report.SampleRuns;
import org.vmshield.report.model.Phase;
import org.vmshield.report.model.PhaseStats;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.phase.RunSummary;

class ReportJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsBackTheRecordsItWrote() {
        RunRecord run = withExactPhase(SampleRuns.mitigated());
        RunRecord baseline = SampleRuns.baseline();

        String json = ReportJsonWriter.write(run, Optional.of(baseline));
        ReportJsonReader.Report read = ReportJsonReader.read(json);

        assertThat(read.run()).isEqualTo(run);
        assertThat(read.baseline()).contains(baseline);
        assertThat(ReportJsonWriter.write(read.run(), read.baseline())).isEqualTo(json);
    }

    @Test
    void readsARunWithoutBaselineOrDetection() {
        RunRecord run = RunRecord.builder().scenario("s").attackKind("cost").durationMs(5_000)
                .attackWindow(1_000, 4_000).service("attacked").build();

        ReportJsonReader.Report read = ReportJsonReader.read(ReportJsonWriter.write(run, Optional.empty()));

        assertThat(read.run()).isEqualTo(run);
        assertThat(read.baseline()).isEmpty();
    }

    @Test
    void hasEveryKeyIssue5AsksFor() throws Exception {
        RunRecord run = SampleRuns.mitigated();
        JsonNode root = MAPPER.readTree(ReportJsonWriter.write(run, Optional.of(SampleRuns.baseline())));

        assertRunKeys(root, run);
        assertRunKeys(root.get("baseline"), SampleRuns.baseline());
        assertThat(root.get("detectionSeconds").asDouble()).isEqualTo(1.2);
        assertThat(root.get("firstActionSeconds").asDouble()).isEqualTo(1.9);
        assertThat(root.get("baseline").get("firstActionSeconds").isNull()).isTrue();
        assertThat(root.get("legitRefused").asLong()).isZero();
        JsonNode migration = root.get("migrations").get(0);
        assertThat(migration.get("vm").asText()).isEqualTo("attacked");
        assertThat(migration.get("from").asText()).isEqualTo("small");
        assertThat(migration.get("to").asText()).isEqualTo("big");
        assertThat(migration.get("totalMs").asLong()).isEqualTo(1_300);
        assertThat(migration.get("downtimeMs").asLong()).isEqualTo(38);
        JsonNode versionSwitch = root.get("versionSwitches").get(0);
        assertThat(versionSwitch.get("vm").asText()).isEqualTo("attacked");
        assertThat(versionSwitch.get("from").asText()).isEqualTo("v1");
        assertThat(versionSwitch.get("to").asText()).isEqualTo("v2-patched");
        assertThat(versionSwitch.get("seconds").asDouble()).isEqualTo(4.5);
        assertThat(root.get("rules").get(0).get("id").asText()).isEqualTo("r1");
        assertThat(root.get("baseline").get("services").get("critical").get("phases").get("mitigated")
                .get("requests").asLong()).isZero();
        assertThat(root.get("timeSeries").get("services").get("critical")).hasSize(120);
    }

    private static void assertRunKeys(JsonNode run, RunRecord record) {
        RunSummary summary = RunSummary.of(record);
        for (String key : new String[] {"detectionSeconds", "firstActionSeconds", "services", "migrations",
                "versionSwitches", "rules", "legitRefused", "timeSeries"}) {
            assertThat(run.has(key)).as(key).isTrue();
        }
        for (String service : new String[] {"critical", "attacked"}) {
            JsonNode phases = run.get("services").get(service).get("phases");
            for (Phase phase : Phase.values()) {
                JsonNode p = phases.get(phase.key());
                PhaseStats expected = summary.stats(service, phase);
                assertThat(p.get("requests").asLong()).as(service + " " + phase).isEqualTo(expected.requests());
                assertThat(p.has("successRate") && p.has("p50Ms") && p.has("p99Ms")).isTrue();
                if (!expected.isEmpty()) {
                    assertThat(p.get("successRate").asDouble()).isEqualTo(expected.successRate());
                    assertThat(p.get("p50Ms").asDouble()).isEqualTo(expected.p50Ms());
                    assertThat(p.get("p99Ms").asDouble()).isEqualTo(expected.p99Ms());
                }
            }
        }
    }

    @Test
    void writesPhaseFiguresThatTellTheStory() throws Exception {
        JsonNode phases = MAPPER.readTree(ReportJsonWriter.write(SampleRuns.mitigated(), Optional.empty()))
                .get("services").get("critical").get("phases");

        assertThat(phases.get("mitigated").get("startMs").asLong()).isEqualTo(SampleRuns.FIRST_ACTION_FINISHED_MS);
        assertThat(phases.get("before").get("successRate").asDouble()).isGreaterThan(0.99);
        assertThat(phases.get("attack").get("p99Ms").asDouble())
                .isGreaterThan(phases.get("before").get("p99Ms").asDouble());
        assertThat(phases.get("before").get("requests").asLong()).isCloseTo(30 * 100, within(100L));
    }

    @Test
    void refusesJsonThatIsNotAReport() {
        assertThatThrownBy(() -> ReportJsonReader.read("{"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ReportJsonReader.read("{\"schemaVersion\": 2}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(expected: 1)");
        String json = ReportJsonWriter.write(SampleRuns.baseline(), Optional.empty());
        assertThatThrownBy(() -> ReportJsonReader.read(json.replace("\"attackKind\"", "\"kind\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("report.json: attackKind missing (expected: present)");
        assertThatThrownBy(() -> ReportJsonReader.read(json.replace("\"second\" : 5,", "\"second\" : 500,")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("second 500");
    }

    private static RunRecord withExactPhase(RunRecord run) {
        RunRecord.Builder b = RunRecord.builder().scenario(run.scenario()).attackKind(run.attackKind())
                .mitigation(run.mitigation()).durationMs(run.durationMs())
                .attackWindow(run.attackOnsetMs(), run.attackEndMs()).legitRefused(3)
                .detectionSeconds(run.detectionSeconds().getAsDouble())
                .firstActionSeconds(run.firstActionSeconds().getAsDouble());
        run.services().forEach((name, samples) -> samples.forEach(s -> b.addServiceSecond(name, s)));
        run.hostCpu().forEach(b::addHostCpu);
        run.attack().forEach(b::addAttack);
        run.events().forEach(e -> b.addEvent(e.atMs(), e.kind(), e.label()));
        run.migrations().forEach(b::addMigration);
        run.versionSwitches().forEach(b::addVersionSwitch);
        run.rules().forEach(r -> b.addRule(r.id(), r.description()));
        return b.exactPhase("critical", Phase.ATTACK, PhaseStats.exact(6_000, 5_950, 5.25, 180.5))
                .exactPhase("attacked", Phase.AFTER, PhaseStats.exact(0, 0, Double.NaN, Double.NaN))
                .build();
    }
}
