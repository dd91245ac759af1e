package org.vmshield.balancer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchBalancerCommandTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new BenchBalancerCommand());
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void rejectsBadOptionsBeforeStartingAnything() {
        assertThat(run("--connections", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("connections: 0 (expected: 1..10000)");
        assertThat(run("--duration-seconds", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("durationSeconds: -1 (expected: 1..600)");
        assertThat(run("--rounds", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("rounds: 0 (expected: 1..20)");
        assertThat(run("--proxy-core", "0", "--client-core", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("expected: two different cores");
    }

    @Test
    void documentsEveryOption() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new BenchBalancerCommand());
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("--help")).isZero();
        assertThat(out.toString()).contains("--json", "--connections", "--sources", "--cidr-rules", "--guards-only",
                "--no-install", "--rounds", "HAProxy");
    }
}
