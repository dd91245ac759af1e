package org.vmshield.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
    @TempDir Path dir;

    @Test
    void refusesABadConfigWithTheFieldAndWhatWasExpected() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "hosts: [{name: h, cpuCores: 1, memoryMiB: 512}]\nservices: [{name: s, versions: [{name: v1}]}]\ntickMillis: 1\n");
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new RunCommand());
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute("--config", config.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("tickMillis: '1' (expected: an integer 50..60000)");
        assertThat(Files.exists(dir.resolve("vmshield-journal.db"))).isFalse();
    }

    @Test
    void refusesADriverWeightCgroupsDoNotAllowBeforeStartingAnything() throws Exception {
        Path config = dir.resolve("ok.yaml");
        Files.writeString(config, "hosts: [{name: h, cpuCores: 1, memoryMiB: 512}]\nservices: [{name: s, versions: [{name: v1}]}]\n"
                + "journal: " + dir.resolve("j.db") + "\n");
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new RunCommand());
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("--config", config.toString(), "--driver-weight", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("--driver-weight: 1 (expected: 0, or 2..262144)");
        assertThat(Files.exists(dir.resolve("j.db"))).isFalse();
    }

    @Test
    void requiresAConfigAndHasHelp() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new RunCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cl.execute()).isEqualTo(2);
        assertThat(cl.execute("--help")).isZero();
        assertThat(out.toString()).contains("--dry-run").contains("--config").contains("--driver-weight");
    }

    @Test
    void ctlSaysWhenNoControllerAnswers() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new CtlCommand());
        cl.setErr(new PrintWriter(err, true));
        // Port 1 on loopback: nothing listens there.
        assertThat(cl.execute("vms", "--admin", "http://127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains("no controller answers at http://127.0.0.1:1/");
    }
}
