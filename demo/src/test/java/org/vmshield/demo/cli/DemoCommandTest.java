package org.vmshield.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command's options: help, and every bad option refused with what was expected, before anything starts. */
class DemoCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new DemoCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void helpListsTheOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--attack", "--duration", "--no-mitigation", "--compare", "--report");
    }

    @Test
    void refusesAnUnknownAttack() {
        assertThat(run("--attack", "ddos")).isEqualTo(2);
        assertThat(err.toString()).contains("--attack: ddos (expected: one of http-flood, cost");
    }

    @Test
    void refusesADurationOutsideItsRange() {
        assertThat(run("--duration", "10s")).isEqualTo(2);
        assertThat(err.toString()).contains("--duration: 10.0 s (expected: 30 s .. 30 min)");
        assertThat(run("--duration", "2h")).isEqualTo(2);
        assertThat(run("--duration", "soon")).isEqualTo(2);
    }

    @Test
    void refusesCompareWithNoMitigation() {
        assertThat(run("--compare", "--no-mitigation")).isEqualTo(2);
        assertThat(err.toString()).contains("--compare and --no-mitigation together");
    }

    @Test
    void refusesAReportPathThatIsAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x"), "x");
        assertThat(run("--report", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is an existing file (expected: a folder");
    }

    @Test
    void refusesAnUnknownNetworkMode() {
        assertThat(run("--network", "tap")).isEqualTo(2);
        assertThat(err.toString()).contains("--network: tap (expected: user or bridge)");
    }

    @Test
    void acceptsEveryAttackKind() {
        for (String kind : org.vmshield.load.attack.AttackProfiles.NAMES) {
            DemoCommand c = new DemoCommand();
            new CommandLine(c).parseArgs("--attack", kind, "--duration", "45s");
            assertThat(c.validate().attack()).isEqualTo(kind);
            assertThat(c.validate().durationMillis()).isEqualTo(45_000);
        }
    }
}
