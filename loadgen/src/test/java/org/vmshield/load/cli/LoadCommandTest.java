package org.vmshield.load.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.vmshield.load.testing.RecordingHttpServer;
import picocli.CommandLine;

class LoadCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new LoadCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpDescribesTheOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--target", "--attack", "--path-mix", "--json", "slowloris");
    }

    @Test
    void refusesATargetOutsideLoopbackAndSendsNothing() {
        assertThat(run("--target", "web=http://93.184.216.34:80", "--duration", "1s")).isEqualTo(2);
        assertThat(err.toString()).contains("93.184.216.34 is not allowed", "127.0.0.0/8", "10.213.0.0/24");
    }

    @Test
    void refusesBadOptionsWithTheExpectedForm() {
        assertThat(run("--target", "web", "--duration", "1s")).isEqualTo(2);
        assertThat(err.toString()).contains("expected: SERVICE=URL");
        assertThat(run("--target", "web=http://127.0.0.1:1", "--attack", "teardrop")).isEqualTo(2);
        assertThat(err.toString()).contains("attack profile: teardrop (expected: one of [http-flood");
        assertThat(run("--target", "web=http://127.0.0.1:1", "--duration", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("expected: a non-negative number with ms, s or m");
        assertThat(run("--target", "web=http://127.0.0.1:1", "--attack-rate", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("given without --attack");
    }

    @Test
    void runsLoadAndPrintsTheReportAsJson() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            int code = run("--target", "web=" + server.url(), "--duration", "1500ms", "--rate", "30",
                    "--path-mix", "/=1,/search?q=x=1", "--attack", "http-flood", "--attack-rate", "60",
                    "--attack-sources", "12", "--attack-start", "500ms", "--json");
            assertThat(code).as(err.toString()).isZero();
            JsonNode report = new ObjectMapper().readTree(out.toString());
            JsonNode legit = report.path("services").path("web").path("legit");
            JsonNode attack = report.path("services").path("web").path("attack");
            assertThat(legit.path("requests").asLong()).isPositive();
            assertThat(legit.path("successRate").asDouble()).isEqualTo(1.0);
            assertThat(legit.path("latency").path("p99Ms").asDouble()).isPositive();
            assertThat(attack.path("requests").asLong() + report.path("pacingSkips").asLong()).isEqualTo(60);
            assertThat(report.path("series").size()).isBetween(2, 3);
            assertThat(report.path("startedAt").asText()).matches("\\d{4}-.*Z");
            assertThat(server.hits()).hasSize((int) (legit.path("requests").asLong() + attack.path("requests").asLong()));
            assertThat(err.toString()).contains("web legit", "web attack"); // the per-second lines
        }
    }

    @Test
    void printsOneLinePerSecondAndASummaryTable() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            int code = run("--target", "web=" + server.url(), "--duration", "1s", "--rate", "20");
            assertThat(code).as(err.toString()).isZero();
            String text = out.toString();
            assertThat(text).contains("  1.0s | web legit", "service", "p99 ms");
            assertThat(text.lines().filter(l -> l.startsWith("web ")).findFirst()).hasValueSatisfying(
                    row -> assertThat(row).contains("legit", "100.00"));
        }
    }
}
