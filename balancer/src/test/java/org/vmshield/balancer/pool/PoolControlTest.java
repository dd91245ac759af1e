package org.vmshield.balancer.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.PoolView;
import org.vmshield.balancer.config.HealthCheckConfig;
import org.vmshield.balancer.config.OutlierConfig;
import org.vmshield.balancer.testing.Balancers;
import org.vmshield.balancer.testing.TestBackend;

class PoolControlTest {
    TestBackend a;
    TestBackend b;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void backends() throws Exception {
        a = new TestBackend("a");
        b = new TestBackend("b");
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    String get(Balancer bal, String path) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + bal.listenerPort("web") + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    PoolView.BackendView view(Balancer bal, String id) {
        return bal.pool("web").backends().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void drainingTakesNoNewRequestsButFinishesInFlightOnes() throws Exception {
        try (Balancer bal = Balancers.builder().backend("a", a.address()).start()) {
            CompletableFuture<HttpResponse<String>> held = client.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + bal.listenerPort("web") + "/hold")).build(),
                    HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(5)).until(() -> view(bal, "a").outstanding() == 1);
            bal.addBackend("web", new org.vmshield.balancer.config.BackendConfig("b", b.address(), null, null));
            bal.setState("web", "a", "draining");
            for (int i = 0; i < 10; i++) {
                assertThat(get(bal, "/")).isEqualTo("200 hello from b");
            }
            a.releaseHeld();
            assertThat(held.get(5, TimeUnit.SECONDS).body()).isEqualTo("held a");
            await().atMost(Duration.ofSeconds(5)).until(() -> view(bal, "a").outstanding() == 0);
        }
    }

    @Test
    void addressSwitchSendsNewRequestsToTheNewAddress() throws Exception {
        try (Balancer bal = Balancers.builder().backend("vm1", a.address()).start()) {
            assertThat(get(bal, "/")).isEqualTo("200 hello from a");
            bal.setAddress("web", "vm1", b.address());
            assertThat(get(bal, "/")).isEqualTo("200 hello from b");
            assertThat(view(bal, "vm1").address()).isEqualTo(b.address());
        }
    }

    @Test
    void pausedBackendHoldsRequestsAndReleasesThemToTheNewAddressWithoutAFailure() throws Exception {
        try (Balancer bal = Balancers.builder().backend("vm1", a.address()).start()) {
            URI u = URI.create("http://127.0.0.1:" + bal.listenerPort("web") + "/");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger failures = new AtomicInteger();
            ConcurrentHashMap<String, AtomicInteger> bodies = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> workers = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            for (int t = 0; t < 6; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < 2000 && !stop.get() && System.nanoTime() < deadline; i++) {
                        try {
                            HttpResponse<String> r = client.send(HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(10))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                            bodies.computeIfAbsent(r.body(), k -> new AtomicInteger()).incrementAndGet();
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> a.requests() > 50);
            bal.setState("web", "vm1", "paused");
            await().atMost(Duration.ofSeconds(5)).until(() -> view(bal, "vm1").held() >= 3);
            // requests sent to the old address before the pause finish there
            await().atMost(Duration.ofSeconds(5)).until(() -> view(bal, "vm1").outstanding() == 0);
            int servedByA = a.requests();
            bal.updateBackend("web", "vm1", null, "active", b.address());
            await().atMost(Duration.ofSeconds(10)).until(() -> b.requests() > 50);
            stop.set(true);
            for (Future<?> w : workers) {
                w.get(20, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
            assertThat(failures.get()).isZero();
            assertThat(a.requests()).isEqualTo(servedByA); // nothing reached the old address after the pause
            assertThat(bodies.get("hello from b").get()).isGreaterThan(50);
        }
    }

    @Test
    void aRequestHeldPastThePauseDeadlineIsRetriedElsewhereOrRefused() throws Exception {
        try (Balancer bal = Balancers.builder().backend("a", a.address()).backend("b", b.address())
                .pause(new org.vmshield.balancer.config.PauseConfig(100, 300L)).start()) {
            bal.setState("web", "a", "paused");
            bal.setState("web", "b", "maintenance");
            URI u = URI.create("http://127.0.0.1:" + bal.listenerPort("web") + "/");
            CompletableFuture<HttpResponse<String>> get = client.sendAsync(HttpRequest.newBuilder(u).build(),
                    HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> post = client.sendAsync(HttpRequest.newBuilder(u)
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(5)).until(() -> view(bal, "a").held() == 2);
            bal.setState("web", "b", "active"); // the held requests stay with a until their deadline
            assertThat(get.get(5, TimeUnit.SECONDS).body()).isEqualTo("hello from b"); // idempotent: retried
            assertThat(post.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(503); // not idempotent: refused
            assertThat(a.requests()).isZero();
        }
    }

    @Test
    void aFullPauseQueueRefusesAtOnce() throws Exception {
        try (Balancer bal = Balancers.builder().backend("a", a.address())
                .pause(new org.vmshield.balancer.config.PauseConfig(0, 5000L)).start()) {
            bal.setState("web", "a", "paused");
            assertThat(get(bal, "/")).startsWith("503 ");
            bal.setState("web", "a", "active");
            assertThat(get(bal, "/")).isEqualTo("200 hello from a");
        }
    }

    @Test
    void activeHealthChecksEjectAndReadmit() throws Exception {
        try (Balancer bal = Balancers.builder().backend("a", a.address()).backend("b", b.address())
                .health(new HealthCheckConfig("/health", 50L, 500L, 2, 2)).start()) {
            a.setHealthStatus(503);
            await().atMost(Duration.ofSeconds(5)).until(() -> !view(bal, "a").healthy());
            for (int i = 0; i < 10; i++) {
                assertThat(get(bal, "/")).isEqualTo("200 hello from b");
            }
            a.setHealthStatus(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> view(bal, "a").healthy());
            await().atMost(Duration.ofSeconds(5)).until(() -> get(bal, "/").equals("200 hello from a"));
        }
    }

    @Test
    void consecutive5xxEjectABackendForAGrowingTimeWithinTheCap() throws Exception {
        try (TestBackend c = new TestBackend("c");
                Balancer bal = Balancers.builder().backend("a", a.address()).backend("b", b.address())
                        .backend("c", c.address()).outlier(new OutlierConfig(3, 60_000L, 600_000L, 34)).start()) {
            a.setRootStatus(500);
            c.setRootStatus(500);
            for (int i = 0; i < 30; i++) {
                get(bal, "/");
            }
            // both failing backends hit the threshold, but the cap (34% of 3) allows one ejection at a time
            long ejected = bal.pool("web").backends().stream().filter(v -> !v.healthy()).count();
            assertThat(ejected).isEqualTo(1);
            int before = b.requests();
            String survivor = view(bal, "a").healthy() ? "a" : "c";
            for (int i = 0; i < 10; i++) {
                String r = get(bal, "/");
                assertThat(r).isIn("200 hello from b", "500 hello from " + survivor);
            }
            assertThat(b.requests()).isGreaterThan(before);
            assertThat(view(bal, survivor).healthy()).isTrue();
        }
    }
}
