package org.vmshield.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {
    record Out(int code, String out, String err) {}

    static Out run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SimulateCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Out(code, out.toString(), err.toString());
    }

    @Test
    void runsThePaperScenarioAsJson() throws Exception {
        Out o = run("--scenario", "paper", "--duration", "90s", "--seed", "3", "--json");
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(o.out());
        assertThat(n.get("scenario").asText()).isEqualTo("paper");
        assertThat(n.get("simulatedSeconds").asDouble()).isEqualTo(90.0);
        assertThat(n.get("ticks").asLong()).isEqualTo(180);
        assertThat(o.err()).contains("simulated");
    }

    @Test
    void badOptionsGetAClearError() {
        Out d = run("--duration", "ten minutes");
        assertThat(d.code()).isEqualTo(2);
        assertThat(d.err()).contains("--duration: ten minutes (expected: a positive duration");
        Out f = run("--scenario", "/nonexistent/x.yaml");
        assertThat(f.code()).isEqualTo(2);
        assertThat(f.err()).contains("not found (expected: a readable YAML file)");
        Out h = run("--scenario", "datacenter", "--hosts", "2");
        assertThat(h.code()).isEqualTo(2);
        assertThat(h.err()).contains("--hosts: 2 (expected: >= 3)");
        Out c = run("--compare", "--no-mitigation");
        assertThat(c.code()).isEqualTo(2);
    }
}
