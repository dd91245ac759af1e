package org.vmshield.balancer.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.config.LimitsConfig;
import org.vmshield.balancer.testing.Balancers;
import org.vmshield.balancer.testing.RawClient;
import org.vmshield.balancer.testing.TestBackend;

/** The always-on limits: header timeout (slowloris), connection caps, and garbage input. */
class LimitsAndFuzzTest {
    static TestBackend backend;
    static Balancer balancer;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend("a");
        balancer = Balancers.builder().backend("a", backend.address())
                .limits(new LimitsConfig(400L, 5_000L, 4096, 1024, 500, 40, 1000L)).start();
        port = balancer.listenerPort("web");
    }

    @AfterAll
    static void stop() {
        balancer.close();
        backend.close();
    }

    static String get(InetAddress from) throws IOException {
        try (RawClient raw = new RawClient(port, from)) {
            RawClient.Response r = raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();
            return r.status() + " " + r.body();
        }
    }

    @Test
    void slowlorisConnectionsAreClosedAfterTheHeaderTimeoutWhileLegitimateRequestsFlow() throws Exception {
        List<Socket> slow = new ArrayList<>();
        InetAddress attacker = InetAddress.getByName("127.1.9.9");
        for (int i = 0; i < 20; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port, attacker, 0);
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            slow.add(s);
        }
        long start = System.nanoTime();
        // keep trickling header bytes; legitimate requests are served meanwhile
        int served = 0;
        while (System.nanoTime() - start < 1_500_000_000L) {
            for (Socket s : slow) {
                try {
                    s.getOutputStream().write("X-a: b\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    // expected once the balancer gave up on it
                }
            }
            assertThat(get(InetAddress.getByName("127.1.0.1"))).isEqualTo("200 hello from a");
            served++;
        }
        assertThat(served).isGreaterThanOrEqualTo(3);
        for (Socket s : slow) {
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 408");
            s.close();
        }
        assertThat(backend.clientPorts()).isNotEmpty();
    }

    @Test
    void theHeaderTimerAlsoGuardsLaterRequestsOfAKeepAliveConnection() throws Exception {
        try (RawClient raw = new RawClient(port, InetAddress.getByName("127.1.8.8"))) {
            assertThat(raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
            long start = System.nanoTime();
            raw.send("GET / HTTP/1.1\r\nHost: x\r\n"); // never finished
            String rest = new String(raw.socket().getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(rest).startsWith("HTTP/1.1 408");
            assertThat(millis).isBetween(350L, 3000L);
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (Balancer quick = Balancers.builder().backend("a", backend.address())
                .limits(new LimitsConfig(10_000L, 1000L, null, null, null, null, null)).start();
                RawClient raw = new RawClient(quick.listenerPort("web"))) {
            long start = System.nanoTime(); // the last activity on the connection is after this
            assertThat(raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
            assertThat(raw.closedByServer()).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1000L, 5000L);
        }
    }

    @Test
    void connectionsAreCappedGlobally() throws Exception {
        try (Balancer small = Balancers.builder().backend("a", backend.address())
                .limits(new LimitsConfig(null, null, null, null, 3, null, null)).start()) {
            int p = small.listenerPort("web");
            List<RawClient> open = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    RawClient c = new RawClient(p, InetAddress.getByName("127.1.6." + (i + 1)));
                    open.add(c);
                    assertThat(c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
                }
                RawClient over = new RawClient(p, InetAddress.getByName("127.1.6.9"));
                open.add(over);
                assertThat(over.closedByServer()).isTrue();
            } finally {
                for (RawClient c : open) {
                    c.close();
                }
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                try (RawClient again = new RawClient(p, InetAddress.getByName("127.1.6.9"))) {
                    return again.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status() == 200;
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    @Test
    void connectionsPerSourceAreCapped() throws Exception {
        InetAddress greedy = InetAddress.getByName("127.1.7.7");
        List<RawClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                RawClient c = new RawClient(port, greedy);
                open.add(c);
                assertThat(c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
            }
            RawClient over = new RawClient(port, greedy);
            open.add(over);
            assertThat(over.closedByServer()).isTrue();
            assertThat(get(InetAddress.getByName("127.1.7.8"))).isEqualTo("200 hello from a");
        } finally {
            for (RawClient c : open) {
                c.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            try {
                return get(greedy).equals("200 hello from a");
            } catch (IOException e) {
                return false;
            }
        });
    }

    @Test
    void randomAndMalformedBytesNeverBreakTheBalancer() throws Exception {
        Random random = new Random(1234);
        String[] templates = {
            "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nxx\r\n",
            "GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
            "GET /\u0000\u0001 HTTP/1.1\r\n\r\n",
            "\r\n\r\n\r\n",
            "GET / HTTP/9.9\r\n\r\n",
            "GET / HTTP/1.1\r\nBad Header\r\n\r\n",
            "POST /echo HTTP/1.1\r\nContent-Length: 100\r\n\r\nshort",
        };
        int hangs = 0;
        for (int i = 0; i < 120; i++) {
            byte[] bytes;
            if (i % 3 == 0) {
                bytes = templates[random.nextInt(templates.length)].getBytes(StandardCharsets.ISO_8859_1);
            } else {
                bytes = new byte[1 + random.nextInt(2048)];
                random.nextBytes(bytes);
                if (i % 3 == 1) {
                    byte[] prefix = "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(prefix, 0, bytes, 0, Math.min(prefix.length, bytes.length));
                }
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(2000);
                s.getOutputStream().write(bytes);
                s.shutdownOutput();
                s.getInputStream().readAllBytes();
            } catch (java.net.SocketTimeoutException hung) {
                hangs++; // every garbage connection must be answered or closed at once
            } catch (IOException expected) {
                // a reset is a fine answer to garbage
            }
        }
        assertThat(hangs).isZero();
        assertThat(get(InetAddress.getByName("127.1.0.2"))).isEqualTo("200 hello from a");
        await().atMost(Duration.ofSeconds(5)).until(() -> balancer.pool("web").backends().get(0).outstanding() == 0);
    }
}
