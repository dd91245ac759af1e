package org.vmshield.balancer.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP backend on 127.0.0.1, port 0 (JDK HttpServer). Routes: {@code /} says its name,
 * {@code /echo} streams the request body back, {@code /big?bytes=N} sends N bytes chunked,
 * {@code /headers} lists the request headers, {@code /status/N} answers N, {@code /hold} waits
 * until {@link #releaseHeld()}, {@code /health} answers 200 or 503 as set.
 */
public final class TestBackend implements AutoCloseable {
    static {
        // the JDK server writes head and body separately: without this, Nagle + delayed ACK add 40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final AtomicInteger requests = new AtomicInteger();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch hold = new CountDownLatch(1);
    private volatile int healthStatus = 200;
    private volatile int rootStatus = 200;

    /** Starts a backend named {@code name}. */
    public TestBackend(String name) throws IOException {
        this(name, 0);
    }

    /** Starts a backend named {@code name} on {@code port} (0: any). */
    public TestBackend(String name, int port) throws IOException {
        this.name = name;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Returns host:port. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** Returns the port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Returns the number of requests served (health checks excluded). */
    public int requests() {
        return requests.get();
    }

    /** Returns the distinct client ports seen (one per connection from the balancer). */
    public Set<Integer> clientPorts() {
        return clientPorts;
    }

    /** Sets what {@code /health} answers. */
    public void setHealthStatus(int status) {
        this.healthStatus = status;
    }

    /** Sets what {@code /} answers. */
    public void setRootStatus(int status) {
        this.rootStatus = status;
    }

    /** Lets every request waiting on {@code /hold} finish. */
    public void releaseHeld() {
        hold.countDown();
    }

    private void handle(HttpExchange ex) throws IOException {
        URI uri = ex.getRequestURI();
        String path = uri.getPath();
        if (path.equals("/health")) {
            send(ex, healthStatus, "health " + name);
            return;
        }
        requests.incrementAndGet();
        clientPorts.add(ex.getRemoteAddress().getPort());
        try {
            if (path.equals("/echo")) {
                ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
                ex.sendResponseHeaders(200, 0); // chunked
                try (InputStream in = ex.getRequestBody(); OutputStream out = ex.getResponseBody()) {
                    in.transferTo(out);
                }
            } else if (path.equals("/big")) {
                long n = Long.parseLong(query(uri).getOrDefault("bytes", "1000"));
                ex.sendResponseHeaders(200, 0);
                byte[] block = new byte[8192];
                for (int i = 0; i < block.length; i++) {
                    block[i] = (byte) ('a' + i % 26);
                }
                try (OutputStream out = ex.getResponseBody()) {
                    for (long sent = 0; sent < n; sent += block.length) {
                        out.write(block, 0, (int) Math.min(block.length, n - sent));
                    }
                }
            } else if (path.equals("/headers")) {
                StringBuilder sb = new StringBuilder();
                ex.getRequestHeaders().forEach((k, v) -> sb.append(k.toLowerCase()).append(": ")
                        .append(String.join(",", v)).append('\n'));
                ex.getRequestBody().readAllBytes();
                send(ex, 200, sb.toString());
            } else if (path.startsWith("/status/")) {
                ex.getRequestBody().readAllBytes();
                send(ex, Integer.parseInt(path.substring(8)), "status");
            } else if (path.equals("/hold")) {
                ex.getRequestBody().readAllBytes();
                hold.await(10, TimeUnit.SECONDS);
                send(ex, 200, "held " + name);
            } else {
                ex.getRequestBody().readAllBytes();
                send(ex, rootStatus, "hello from " + name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ex.close();
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> m = new ConcurrentHashMap<>();
        if (uri.getQuery() != null) {
            for (String kv : uri.getQuery().split("&")) {
                String[] p = kv.split("=", 2);
                m.put(p[0], p.length > 1 ? p[1] : "");
            }
        }
        return m;
    }

    private static void send(HttpExchange ex, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        hold.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
