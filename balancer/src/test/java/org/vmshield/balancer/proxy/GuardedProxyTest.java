package org.vmshield.balancer.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.guard.GuardRuleParser;
import org.vmshield.balancer.testing.Balancers;
import org.vmshield.balancer.testing.RawClient;
import org.vmshield.balancer.testing.TestBackend;
import org.vmshield.model.telemetry.PoolStats;

/** The guard stage in the proxy's pipeline: refusals answered in order, telemetry of sources, paths, rules. */
class GuardedProxyTest {
    static TestBackend backend;
    static Balancer balancer;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend("a");
        balancer = Balancers.builder().backend("a", backend.address()).start();
        port = balancer.listenerPort("web");
    }

    @AfterAll
    static void stop() {
        balancer.close();
        backend.close();
    }

    @Test
    void aRateLimitedSourceGets429WithRetryAfterOnTheSameConnectionAndOthersPass() throws Exception {
        balancer.addRule(GuardRuleParser.parseJson(
                "{\"type\":\"sourceRate\",\"id\":\"slow-down\",\"rateRps\":0.001,\"burst\":3,\"retryAfterSeconds\":7}"));
        try {
            InetAddress attacker = InetAddress.getByName("127.1.0.9");
            int refused = 0;
            try (RawClient raw = new RawClient(port, attacker)) {
                for (int i = 0; i < 6; i++) {
                    RawClient.Response r = raw.send("GET /limited HTTP/1.1\r\nHost: x\r\n\r\n").read();
                    if (r.status() == 429) {
                        refused++;
                        assertThat(r.header("retry-after")).isEqualTo("7");
                    } else {
                        assertThat(r.status()).isEqualTo(200);
                    }
                }
            }
            assertThat(refused).isEqualTo(3);
            try (RawClient other = new RawClient(port, InetAddress.getByName("127.1.0.10"))) {
                assertThat(other.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
            }
            assertThat(balancer.guardChain().counters().totals().get("slow-down").requestsRefused()).isEqualTo(3);
            assertThat(balancer.metricsText()).contains("vmshield_guard_refused_requests_total{rule=\"slow-down\"} 3.0");
            // the refusals show in the pool's snapshot (refused traffic keeps flowing while we wait)
            try (RawClient raw = new RawClient(port, attacker)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> {
                    assertThat(raw.send("GET /limited HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(429);
                    PoolStats p = balancer.snapshot().pool("web").orElseThrow();
                    return p.guards().stream().anyMatch(g -> g.ruleId().equals("slow-down") && g.requestsRefused() > 0)
                            && p.traffic().statuses().s4xx() > 0;
                });
            }
        } finally {
            balancer.removeRule("slow-down");
        }
    }

    @Test
    void aRefusedRequestThatExpects100ContinueGetsItsRefusalNotAnInvitationToSendItsBody() throws Exception {
        balancer.addRule(GuardRuleParser.parseJson(
                "{\"type\":\"sourceRate\",\"id\":\"no-uploads\",\"rateRps\":0.001,\"burst\":1}"));
        try (RawClient raw = new RawClient(port, InetAddress.getByName("127.1.0.11"))) {
            raw.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(100); // admitted (the burst): invited
            assertThat(raw.send("hello").read().body()).isEqualTo("hello");
            raw.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(429); // refused: answered at once, no 100 first
            assertThat(raw.closedByServer()).isTrue(); // the body it may still send cannot be framed
        } finally {
            balancer.removeRule("no-uploads");
        }
    }

    @Test
    void aDeniedNetworkIsCutOffAtConnectTimeAndTheRuleExpires() throws Exception {
        balancer.addRule(GuardRuleParser.parseJson(
                "{\"type\":\"cidr\",\"id\":\"deny-66\",\"action\":\"deny\",\"cidrs\":[\"127.66.0.0/16\"],\"ttlSeconds\":1}"));
        try (RawClient denied = new RawClient(port, InetAddress.getByName("127.66.1.1"))) {
            assertThat(denied.closedByServer()).isTrue();
        }
        try (RawClient ok = new RawClient(port, InetAddress.getByName("127.67.1.1"))) {
            assertThat(ok.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            try (RawClient again = new RawClient(port, InetAddress.getByName("127.66.1.1"))) {
                return again.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status() == 200;
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    @Test
    void aConnectionRefusedWith403GetsItForItsFirstRequestThenIsClosed() throws Exception {
        balancer.addRule(GuardRuleParser.parseJson(
                "{\"type\":\"cidr\",\"id\":\"forbid-77\",\"action\":\"deny\",\"cidrs\":[\"127.77.0.0/16\"],\"refuse\":\"403\"}"));
        try (RawClient raw = new RawClient(port, InetAddress.getByName("127.77.0.1"))) {
            RawClient.Response r = raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body()).contains("forbid-77");
            assertThat(raw.closedByServer()).isTrue();
        } finally {
            balancer.removeRule("forbid-77");
        }
    }

    @Test
    void connectionsWaitingForARequestHeadShowAsIdleInTheSnapshot() throws Exception {
        InetAddress slow = InetAddress.getByName("127.1.5.5");
        java.util.List<java.net.Socket> sockets = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port, slow, 0);
                s.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                sockets.add(s);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> balancer.snapshot().pool("web").orElseThrow()
                    .sources().topByConnections().stream()
                    .anyMatch(s -> s.address().equals("127.1.5.5") && s.openConnections() == 4 && s.idleConnections() == 4));
        } finally {
            for (java.net.Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void theSnapshotShowsSourcesAndPaths() throws Exception {
        try (RawClient raw = new RawClient(port, InetAddress.getByName("127.1.2.3"))) {
            // traffic keeps flowing while we wait, so whichever interval the snapshot covers has some
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                for (int i = 0; i < 5; i++) {
                    assertThat(raw.send("GET /hot?x=" + i + " HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
                }
                PoolStats p = balancer.snapshot().pool("web").orElseThrow();
                return p.topPathsByRequests().stream().anyMatch(s -> s.path().equals("/hot"))
                        && p.sources().topByRequests().stream().anyMatch(s -> s.address().equals("127.1.2.3"));
            });
        }
    }
}
