package org.vmshield.hypervisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmshield.hypervisor.bench.MigrationBenchResult;
import picocli.CommandLine;

/** The hypervisor's commands validate their options before doing anything, and the benchmark prints what the issue asks. */
class HypervisorCommandsTest {
    @Test
    void demoMigrateRejectsBadOptionsBeforeTouchingTheHost() {
        assertThat(run(new VmCommand(), "demo-migrate", "--memory", "10")).contains("--memory: 10 (expected: 64..4096)");
        assertThat(run(new VmCommand(), "demo-migrate", "--image-version", "v7")).contains("--image-version: v7 (expected one of: v1, v2)");
        assertThat(run(new VmCommand(), "demo-migrate", "--downtime-limit-ms", "0")).contains("downtimeLimitMillis: 0");
        assertThat(run(new VmCommand(), "demo-migrate", "--cluster", "/nonexistent/cluster.yaml")).contains("not found");
        assertThat(run(new VmCommand())).contains("Missing subcommand");
    }

    @Test
    void everyCommandHasHelp() {
        for (Object command : List.of(new VmCommand(), new CleanupCommand(), new BenchMigrationCommand())) {
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(command);
            cli.setOut(new PrintWriter(out));
            assertThat(cli.execute("--help")).isZero();
            assertThat(out.toString()).startsWith("Usage:");
        }
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new VmCommand());
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("demo-migrate", "--help")).isZero();
        assertThat(out.toString()).contains("--image-version", "--cluster", "--network");
    }

    @Test
    void benchRejectsBadOptions() {
        assertThat(run(new BenchMigrationCommand(), "--sizes", "32")).contains("--sizes: 32 (expected: 64..4096 MiB each)");
        assertThat(run(new BenchMigrationCommand(), "--workloads", "busy")).contains("--workloads: busy (expected: idle or dirty)");
    }

    @Test
    void benchJsonHasTheFieldsTheIssueAsksFor() throws Exception {
        var converged = new MigrationBenchResult(256, "idle", 0, 300, 4, 96_000_000, 3, 700, 20, 96_000_000, 94_000_000, 60);
        var stuck = new MigrationBenchResult(256, "dirty", 150, 900, 40, 300_000_000, 9, -1, -1, -1, 120_000_000, 80);
        JsonNode rows = new ObjectMapper().readTree(BenchMigrationCommand.toJson(List.of(converged, stuck)));
        assertThat(rows.isArray()).isTrue();
        JsonNode first = rows.get(0);
        for (String field : List.of("memoryMiB", "workload", "totalMs", "downtimeMs", "transferredBytes", "passes",
                "rawTotalMs", "lowerBoundMs")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("ratioToLowerBound").asDouble()).isEqualTo(5.0);
        assertThat(rows.get(1).get("rawTotalMs").isNull()).isTrue();
        assertThat(rows.get(1).get("rawConverged").asBoolean(true)).isFalse();
    }

    private static String run(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        assertThat(code).as("exit code of %s", String.join(" ", args)).isNotZero();
        return err.toString();
    }
}
