package org.vmshield.balancer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BalancerCommandTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            int code = new CommandLine(new BalancerCommand()).execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void helpDocumentsEveryOption() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--config", "--check", "Exit codes");
    }

    @Test
    void checkValidatesTheExampleConfig() {
        Run r = run("--config", "examples/balancer.yaml", "--check");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("is valid: 2 listeners, 2 pools, 3 guard rules");
    }

    @Test
    void aBadConfigExitsWith2AndNamesTheField(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "pools: [{name: p, backends: [{id: a, address: x}]}]\n");
        Run r = run("--config", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("address: x (expected: host:port)");
        Path badRule = Files.writeString(dir.resolve("rule.yaml"), "guards: [{type: sourceRate, id: r, rateRps: -1, burst: 1}]\n");
        Run r2 = run("--config", badRule.toString(), "--check");
        assertThat(r2.code()).isEqualTo(2);
        assertThat(r2.err()).contains("rateRps");
        assertThat(run().code()).isEqualTo(2); // --config is required
    }
}
