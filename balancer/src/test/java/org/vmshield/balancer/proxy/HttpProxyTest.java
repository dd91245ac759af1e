package org.vmshield.balancer.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.testing.Balancers;
import org.vmshield.balancer.testing.RawClient;
import org.vmshield.balancer.testing.TestBackend;

class HttpProxyTest {
    static TestBackend backend;
    static Balancer balancer;
    static int port;
    static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        backend = new TestBackend("a");
        balancer = Balancers.builder().backend("a", backend.address()).start();
        port = balancer.listenerPort("web");
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        balancer.close();
        backend.close();
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void getAndHeadAreProxied() throws Exception {
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("hello from a");

        try (RawClient raw = new RawClient(port)) {
            RawClient.Response head = raw.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n").readHead();
            assertThat(head.status()).isEqualTo(200);
            RawClient.Response next = raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(next.body()).isEqualTo("hello from a");
        }
    }

    @Test
    void everyMethodCarriesItsBody() throws Exception {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
            String body = "payload of " + method;
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/echo"))
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method).isEqualTo(200);
            assertThat(r.body()).as(method).isEqualTo(body);
        }
    }

    @Test
    void largeChunkedBodiesStreamBothWays() throws Exception {
        byte[] data = new byte[4 << 20];
        new Random(42).nextBytes(data);
        // ofInputStream has no known length: the client sends it chunked
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri("/echo"))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(data))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(MessageDigest.isEqual(sha(r.body()), sha(data))).isTrue();

        HttpResponse<InputStream> big = client.send(HttpRequest.newBuilder(uri("/big?bytes=10000000")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long n;
        try (InputStream in = big.body()) {
            n = in.transferTo(OutputStream.nullOutputStream());
        }
        assertThat(n).isEqualTo(10_000_000L);
    }

    @Test
    void keepAliveConnectionsAreReusedOnBothSides() throws Exception {
        int before = backend.clientPorts().size();
        try (RawClient raw = new RawClient(port)) {
            for (int i = 0; i < 50; i++) {
                RawClient.Response r = raw.send("GET /?i=" + i + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
                assertThat(r.status()).isEqualTo(200);
            }
        }
        // 50 requests over one client connection reuse one pooled backend connection
        assertThat(backend.clientPorts().size() - before).isLessThanOrEqualTo(1);
    }

    @Test
    void forwardsHeadersAndDropsHopByHopOnes() throws Exception {
        try (RawClient raw = new RawClient(port)) {
            RawClient.Response r = raw.send("GET /headers HTTP/1.1\r\nHost: example.test\r\n"
                    + "Connection: keep-alive, X-Secret\r\nX-Secret: 1\r\nKeep-Alive: timeout=5\r\n"
                    + "Proxy-Connection: keep-alive\r\nTE: trailers\r\nX-Forwarded-For: 10.0.0.1\r\nX-Custom: kept\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("host: example.test", "x-custom: kept",
                    "x-forwarded-for: 10.0.0.1, 127.0.0.1", "x-forwarded-proto: http");
            assertThat(r.body()).doesNotContain("x-secret", "keep-alive", "proxy-connection", "te: trailers");
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RawClient raw = new RawClient(port)) {
            raw.send("GET /status/201 HTTP/1.1\r\nHost: x\r\n\r\nGET /status/202 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
            assertThat(raw.read().status()).isEqualTo(201);
            assertThat(raw.read().status()).isEqualTo(202);
            RawClient.Response third = raw.read();
            assertThat(third.status()).isEqualTo(200);
            assertThat(third.body()).isEqualTo("hello");
        }
    }

    @Test
    void malformedRequestsGet400AndAClosedConnection() throws Exception {
        try (RawClient raw = new RawClient(port)) {
            RawClient.Response r = raw.send("GARBAGE\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(raw.closedByServer()).isTrue();
        }
        try (RawClient raw = new RawClient(port)) {
            RawClient.Response r = raw.send("GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(414);
            assertThat(raw.closedByServer()).isTrue();
        }
        try (RawClient raw = new RawClient(port)) {
            RawClient.Response r = raw.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(431);
            assertThat(raw.closedByServer()).isTrue();
        }
        HttpResponse<String> ok = client.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void expectContinueIsAnsweredAndTheConnectionStaysInStep() throws Exception {
        try (RawClient raw = new RawClient(port)) {
            raw.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(100);
            RawClient.Response r = raw.send("hello").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("hello");
            assertThat(raw.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n").readHead().status()).isEqualTo(200);
            assertThat(raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).isEqualTo("hello from a");
        }
    }

    @Test
    void aClientThatEndsItsOutputStillGetsItsAnswers() throws Exception {
        try (RawClient raw = new RawClient(port)) {
            raw.send("GET /status/201 HTTP/1.1\r\nHost: x\r\n\r\nGET /big?bytes=100000 HTTP/1.1\r\nHost: x\r\n\r\n");
            raw.socket().shutdownOutput();
            assertThat(raw.read().status()).isEqualTo(201);
            assertThat(raw.read().body()).hasSize(100_000);
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void http10ClientsGetACloseDelimitedAnswer() throws Exception {
        try (RawClient raw = new RawClient(port)) {
            RawClient.Response r = raw.send("GET /big?bytes=20000 HTTP/1.0\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).hasSize(20_000);
            assertThat(r.header("transfer-encoding")).isNull();
        }
    }

    @Test
    void aBackendThatIsDownGets502AndOneThatClosesEarlyCutsTheAnswer() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        try (TestBackend good = new TestBackend("g");
                ServerSocket early = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                Balancer b = Balancers.builder().backend("x", "127.0.0.1:" + deadPort).start()) {
            int p = b.listenerPort("web");
            try (RawClient raw = new RawClient(p)) {
                assertThat(raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(502);
            }
            // a backend that promises 100 bytes, sends 5 and closes
            Thread server = new Thread(() -> {
                while (!early.isClosed()) {
                    try (Socket s = early.accept()) {
                        s.getInputStream().read(new byte[4096]);
                        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            server.setDaemon(true);
            server.start();
            b.setAddress("web", "x", "127.0.0.1:" + early.getLocalPort());
            try (RawClient raw = new RawClient(p)) {
                raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
                byte[] got = raw.socket().getInputStream().readAllBytes();
                String text = new String(got, StandardCharsets.US_ASCII);
                assertThat(text).startsWith("HTTP/1.1 200").contains("Content-Length: 100");
                assertThat(text.substring(text.indexOf("\r\n\r\n") + 4)).isEqualTo("short");
            }
            b.setAddress("web", "x", good.address());
            try (RawClient raw = new RawClient(p)) {
                assertThat(raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).isEqualTo("hello from g");
            }
        }
    }

    @Test
    void idempotentRequestsAreRetriedOnAnotherBackend() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        try (TestBackend good = new TestBackend("g");
                Balancer b = Balancers.builder().backend("dead", "127.0.0.1:" + deadPort)
                        .backend("good", good.address()).start()) {
            URI u = URI.create("http://127.0.0.1:" + b.listenerPort("web") + "/");
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("hello from g");
            }
        }
    }

    private static byte[] sha(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(b, b.length));
    }
}
