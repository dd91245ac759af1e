package org.vmshield.controller.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmshield.controller.journal.ActionRecord;
import org.vmshield.controller.journal.Journal;

/**
 * The controller is killed with SIGKILL right after it started a live migration, then restarted on
 * the same journal: the journal must hold no action in flight, the migration must be settled by
 * reconciliation, the VM must serve from exactly one place, and nothing may be left running.
 */
class ControllerCrashQemuTest {
    private static final String YAML = """
            network: user
            hosts:
              - {name: small, cpuCores: 1, memoryMiB: 1024}
              - {name: big, cpuCores: 2, memoryMiB: 2048}
            services:
              - name: web
                versions: [{name: v1}]
            vms:
              - {name: web-1, service: web, version: v1, host: small, memoryMiB: 256}
            journal: journal.db
            admin: {port: 0}
            """;
    private static final Pattern ADMIN = Pattern.compile("admin API: (http://127\\.0\\.0\\.1:\\d+)/");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    @TempDir Path dir;

    @Test
    void reconcilesAMigrationInFlightAfterKillMinus9() throws Exception {
        QemuRequirements.requireQemu();
        Path config = dir.resolve("cluster.yaml");
        Files.writeString(config, YAML);
        List<Process> started = new ArrayList<>();
        try {
            Child first = start(config, started);
            String admin = first.awaitAdmin();
            HttpResponse<String> migrate = http.send(HttpRequest.newBuilder(URI.create(admin + "/migrate"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"vm\":\"web-1\",\"host\":\"big\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(migrate.statusCode()).as(migrate.body()).isEqualTo(200);
            first.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long firstPid = first.process.pid();

            Child second = start(config, started);
            String admin2 = second.awaitAdmin();
            JsonNode vms = json.readTree(http.send(HttpRequest.newBuilder(URI.create(admin2 + "/vms")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(vms).hasSize(1);
            assertThat(vms.get(0).path("name").asText()).isEqualTo("web-1");
            assertThat(vms.get(0).path("state").asText()).isEqualTo("RUNNING");
            assertThat(qemuOf(firstPid)).as("orphans of the killed controller").isEmpty();

            second.process.destroy(); // SIGTERM: a clean stop
            assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(qemuOf(second.process.pid())).isEmpty();
            try (Journal journal = Journal.open(dir.resolve("journal.db"))) {
                assertThat(journal.actionsInFlight()).isEmpty();
                ActionRecord m = journal.recentActions(10).stream().filter(a -> a.kind().equals("migrate"))
                        .findFirst().orElseThrow();
                assertThat(m.status().ended()).isTrue();
                System.out.printf("after kill -9 the migration was recorded as %s (last step '%s')%n", m.status(), m.lastStep());
                if (m.lastStep().isEmpty() || !m.lastStep().equals("serving-verified")) {
                    assertThat(journal.events(0, 1000)).anySatisfy(e -> {
                        assertThat(e.type()).isEqualTo("reconcile");
                        assertThat(e.subject()).isEqualTo(m.actionId());
                    });
                }
            }
        } finally {
            for (Process p : started) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private record Child(Process process, LinkedBlockingQueue<String> lines) {
        String awaitAdmin() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    System.out.println("child " + process.pid() + ": " + line);
                    Matcher m = ADMIN.matcher(line);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
                if (!process.isAlive() && lines.isEmpty()) {
                    throw new AssertionError("vmshield run exited with " + process.exitValue() + " before its admin API was up");
                }
            }
            throw new AssertionError("vmshield run did not print its admin API within 120 s");
        }
    }

    private Child start(Path config, List<Process> started) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RunMain.class.getName(),
                "--config", config.toString()).redirectErrorStream(true).start();
        started.add(p);
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                }
            } catch (java.io.IOException ignored) {
                // The child ended.
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Child(p, lines);
    }

    /** Returns the QEMU processes started by the controller with {@code pid}. */
    private static List<Long> qemuOf(long pid) {
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").contains("qemu-system")
                        && h.info().commandLine().orElse("").contains("-p" + pid + "-"))
                .map(ProcessHandle::pid).toList();
    }
}
