package org.vmshield.controller.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmshield.balancer.Balancer;
import org.vmshield.brain.Brain;
import org.vmshield.controller.BalancerSetup;
import org.vmshield.controller.Controller;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.config.ControllerConfigFile;
import org.vmshield.controller.journal.ActionRecord;
import org.vmshield.controller.journal.ActionStatus;
import org.vmshield.controller.journal.Journal;
import org.vmshield.controller.journal.JournalEvent;
import org.vmshield.hypervisor.HostSpec;
import org.vmshield.hypervisor.cluster.ClusterConfig;
import org.vmshield.hypervisor.qemu.BuiltImages;
import org.vmshield.hypervisor.qemu.QemuHypervisor;

/**
 * End to end with real QEMU VMs: two VMs on small hosts behind the balancer, legitimate clients,
 * then a cost attack (a few crafted /search requests per second from 127.66.0.x); the controller
 * must detect it, switch the attacked VM to the patched version, and journal it all.
 */
class ControllerQemuTest {
    private static final String YAML = """
            network: user
            hosts:
              - {name: small-a, cpuCores: 1, memoryMiB: 1024, labels: [small]}
              - {name: small-b, cpuCores: 1, memoryMiB: 1024, labels: [small]}
              - {name: big, cpuCores: 2, memoryMiB: 2048}
            services:
              - name: web
                versions: [{name: v1, vulnerablePaths: [/search]}, {name: v2}]
                patchedVersion: v2
              - name: critical
                criticality: critical
                versions: [{name: v2}]
            vms:
              - {name: web-1, service: web, version: v1, host: small-a, memoryMiB: 256}
              - {name: crit-1, service: critical, version: v2, host: small-b, memoryMiB: 256}
            tickMillis: 500
            stepTimeoutMillis: 60000
            """;
    private static final String ATTACK_QUERY = "a".repeat(200);

    @TempDir Path dir;

    @Test
    void detectsACostAttackAndSwitchesTheVmToThePatchedVersion() throws Exception {
        QemuRequirements.requireQemu();
        ControllerConfig config = ControllerConfigFile.parse(YAML, dir);
        ClusterConfig cluster = new ClusterConfig(config.network(), config.hosts().stream()
                .map(h -> new HostSpec(h.name(), h.cpuCores(), h.memoryMiB())).toList());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try (Journal journal = Journal.open(config.journal());
                QemuHypervisor hv = QemuHypervisor.create(cluster, BuiltImages.atDefaultHome(), dir.resolve("home"));
                Balancer balancer = new Balancer(BalancerSetup.configFor(config)).start()) {
            try (Controller controller = new Controller(config, hv, balancer, journal, Brain.withDefaults(),
                    "user".equals(hv.networkMode()), System::currentTimeMillis)) {
                controller.start();
                int web = balancer.listenerPort("web");
                int critical = balancer.listenerPort("critical");
                AtomicInteger legitOk = new AtomicInteger();
                // Legitimate clients: 4 req/s, cheap pages and short searches, from 127.1.0.x (bounded: 90 s).
                clients.execute(() -> loop(stop, 250, 360, i -> {
                    String path = i % 2 == 0 ? "/" : "/search?q=jacket";
                    if (get("127.1.0." + (1 + i % 50), i % 4 == 3 ? critical : web, path).startsWith("HTTP/1.1 200")) {
                        legitOk.incrementAndGet();
                    }
                }));
                // Let the detectors learn the normal traffic (10 samples at 500 ms, with room).
                await().atMost(Duration.ofSeconds(60)).until(() -> legitOk.get() >= 40);
                long onset = System.currentTimeMillis();
                // The attack: two crafted searches in flight at a time from four sources (bounded: 120 requests).
                for (int t = 0; t < 2; t++) {
                    int thread = t;
                    clients.execute(() -> loop(stop, 300, 60, i -> get("127.66.0." + (1 + (i + thread) % 4), web,
                            "/search?q=" + ATTACK_QUERY)));
                }
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                        journal.recentActions(50).stream().anyMatch(a -> a.kind().equals("switch-version")
                                && a.status() == ActionStatus.SUCCEEDED));
                long mitigated = System.currentTimeMillis();
                stop.set(true);

                List<JournalEvent> events = journal.events(0, 10_000);
                assertThat(events).anySatisfy(e -> {
                    assertThat(e.type()).isEqualTo("incident");
                    assertThat(e.subject()).startsWith("COST_ATTACK");
                });
                assertThat(events).anySatisfy(e -> assertThat(e.type()).isEqualTo("decision"));
                ActionRecord sw = journal.recentActions(50).stream().filter(a -> a.kind().equals("switch-version"))
                        .filter(a -> a.status() == ActionStatus.SUCCEEDED).findFirst().orElseThrow();
                assertThat(events).filteredOn(e -> e.type().equals("step") && e.subject().equals(sw.actionId()))
                        .extracting(JournalEvent::status)
                        .containsExactly("START_NEW", "CHECK_HEALTH", "SHIFT_TRAFFIC", "DRAIN_OLD", "STOP_OLD");
                assertThat(hv.inspect("web-1")).isEmpty();
                assertThat(hv.inspect("web-1-v2")).hasValueSatisfying(v -> assertThat(v.spec().version()).isEqualTo("v2"));
                // A fresh source: the per-source limits the brain may have installed never met it.
                assertThat(get("127.1.1.1", web, "/version")).startsWith("HTTP/1.1 200");
                long detected = events.stream().filter(e -> e.type().equals("incident") && e.subject().startsWith("COST_ATTACK"))
                        .mapToLong(JournalEvent::atMillis).min().orElseThrow();
                long firstAction = journal.recentActions(50).stream().mapToLong(ActionRecord::startedMillis).min().orElseThrow();
                System.out.printf("cost attack: detected %d ms, first action %d ms, switched to v2 %d ms after onset; actions %s%n",
                        detected - onset, firstAction - onset, mitigated - onset,
                        journal.recentActions(50).stream().map(a -> a.kind() + ":" + a.status()).toList());
            }
            assertThat(hv.vms()).isEmpty();
        } finally {
            stop.set(true);
            clients.shutdownNow();
            clients.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private interface Step {
        void run(int i);
    }

    private static void loop(AtomicBoolean stop, long periodMillis, int maxCount, Step step) {
        for (int i = 0; i < maxCount && !stop.get() && !Thread.currentThread().isInterrupted(); i++) {
            long start = System.nanoTime();
            step.run(i);
            long left = periodMillis * 1_000_000L - (System.nanoTime() - start);
            if (left > 0) {
                LockSupport.parkNanos(left);
            }
        }
    }

    /** Sends one GET from a loopback source address; returns the status line, or the error. */
    private static String get(String from, int port, String path) {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(32), StandardCharsets.US_ASCII);
            in.readAllBytes();
            int eol = head.indexOf('\r');
            return eol < 0 ? head : head.substring(0, eol);
        } catch (IOException e) {
            return "error " + e.getMessage();
        }
    }
}
