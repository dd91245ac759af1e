package org.vmshield.controller.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmshield.controller.cli.DemoCommand;
import picocli.CommandLine;

/** A short demo with real QEMU VMs: it must measure the run, write a complete report and leave nothing running. */
class DemoQemuTest {
    @TempDir Path dir;

    @Test
    void runsAShortCostAttackDemoAndWritesTheReport() throws Exception {
        QemuRequirements.requireQemu();
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new DemoCommand());
        cl.setOut(new PrintWriter(out, true));
        int exit = cl.execute("--network", "user", "--attack", "cost", "--duration", "40", "--attack-at", "12",
                "--attack-for", "20", "--legit-rps", "4", "--report", dir.toString());
        System.out.println(out);

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("t=  1s").contains("critical").contains("detection");
        JsonNode r = new ObjectMapper().readTree(Files.readString(dir.resolve("report.json")));
        assertThat(r.path("attackOnsetMs").asLong()).isEqualTo(12_000);
        assertThat(r.path("attackEndMs").asLong()).isEqualTo(32_000);
        for (String service : new String[] {"critical", "attacked"}) {
            JsonNode phases = r.path("services").path(service).path("phases");
            assertThat(phases.path("before").path("requests").asLong()).as(service + " before").isPositive();
            assertThat(phases.path("attack").path("requests").asLong()).as(service + " attack").isPositive();
        }
        assertThat(r.path("detectionSeconds").isNumber()).as("the cost attack was detected").isTrue();
        assertThat(Files.size(dir.resolve("report.html"))).isPositive();
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("qemu-system") && c.contains(dir.toString()))).isEmpty();
    }
}
