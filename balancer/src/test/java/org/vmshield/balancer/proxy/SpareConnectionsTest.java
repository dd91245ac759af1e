package org.vmshield.balancer.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.testing.Balancers;
import org.vmshield.balancer.testing.RawClient;

/**
 * With spare connections, a request that finds the pooled connection busy is sent on a connection
 * the backend had accepted before the request came; without, it waits for a connect of its own.
 */
class SpareConnectionsTest {
    @Test
    void aRequestThatFindsTheOnlyConnectionBusyIsSentOnTheSpare() throws Exception {
        try (AcceptingBackend backend = new AcceptingBackend();
                Balancer balancer = Balancers.builder().backend("a", backend.address()).spares(1).start();
                RawClient first = new RawClient(balancer.listenerPort("web"));
                RawClient second = new RawClient(balancer.listenerPort("web"))) {
            assertThat(first.send("GET /warm HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> backend.accepted.size() == 2); // used + spare

            first.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> backend.connectionOf.containsKey("/hold"));
            long sent = System.nanoTime();
            assertThat(second.send("GET /next HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);

            assertThat(backend.acceptedAt("/next")).as("accepted before the request was sent").isLessThan(sent);
            assertThat(backend.connectionOf.get("/next")).isNotEqualTo(backend.connectionOf.get("/hold"));
            // the spare was taken: another one is opened for the next request
            await().atMost(Duration.ofSeconds(5)).until(() -> backend.accepted.size() == 3);
            backend.hold.countDown();
            assertThat(first.read().status()).isEqualTo(200);
        }
    }

    @Test
    void withoutSparesTheRequestWaitsForAConnectionOfItsOwn() throws Exception {
        try (AcceptingBackend backend = new AcceptingBackend();
                Balancer balancer = Balancers.builder().backend("a", backend.address()).start();
                RawClient first = new RawClient(balancer.listenerPort("web"));
                RawClient second = new RawClient(balancer.listenerPort("web"))) {
            assertThat(first.send("GET /warm HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
            first.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> backend.connectionOf.containsKey("/hold"));
            assertThat(backend.accepted).hasSize(1);
            long sent = System.nanoTime();
            assertThat(second.send("GET /next HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);

            assertThat(backend.acceptedAt("/next")).as("accepted after the request was sent").isGreaterThan(sent);
            backend.hold.countDown();
            assertThat(first.read().status()).isEqualTo(200);
        }
    }

    /**
     * A keep-alive HTTP/1.1 backend that notes when it accepted each connection and on which
     * connection each path came; {@code /hold} waits for {@link #hold}.
     */
    private static final class AcceptingBackend implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<Long> accepted = new CopyOnWriteArrayList<>();
        final Map<String, Integer> connectionOf = new ConcurrentHashMap<>();
        final CountDownLatch hold = new CountDownLatch(1);
        private final Thread acceptor = new Thread(this::acceptLoop, "accepting-backend");

        AcceptingBackend() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String address() {
            return "127.0.0.1:" + server.getLocalPort();
        }

        long acceptedAt(String path) {
            return accepted.get(connectionOf.get(path));
        }

        private void acceptLoop() {
            try {
                while (true) {
                    Socket s = server.accept();
                    int index;
                    synchronized (accepted) {
                        index = accepted.size();
                        accepted.add(System.nanoTime());
                    }
                    Thread t = new Thread(() -> serve(s, index), "accepting-backend-" + index);
                    t.setDaemon(true);
                    t.start();
                }
            } catch (IOException closed) {
                // server closed: the test is over
            }
        }

        private void serve(Socket s, int index) {
            try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))) {
                OutputStream out = s.getOutputStream();
                String line;
                while ((line = in.readLine()) != null) {
                    String path = line.split(" ")[1];
                    while (!(line = in.readLine()).isEmpty()) {
                        // headers: none has a body here
                    }
                    connectionOf.put(path, index);
                    if (path.equals("/hold")) {
                        hold.await(10, TimeUnit.SECONDS);
                    }
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                // the balancer closed the connection
            }
        }

        @Override
        public void close() throws IOException {
            hold.countDown();
            server.close();
        }
    }
}
