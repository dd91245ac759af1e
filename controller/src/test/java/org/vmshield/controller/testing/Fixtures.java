package org.vmshield.controller.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.vmshield.balancer.Balancer;
import org.vmshield.controller.BalancerSetup;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.config.ControllerConfigFile;
import org.vmshield.hypervisor.HostSpec;

/** A small cluster for the controller's tests: two services, three hosts, two VMs. */
public final class Fixtures {
    public static final String YAML = """
            network: user
            hosts:
              - {name: small, cpuCores: 1, memoryMiB: 1024, labels: [small]}
              - {name: big, cpuCores: 2, memoryMiB: 2048}
              - {name: spare, cpuCores: 2, memoryMiB: 2048}
            services:
              - name: web
                criticality: normal
                versions:
                  - {name: v1, vulnerablePaths: [/search]}
                  - {name: v2}
                patchedVersion: v2
              - name: critical
                criticality: critical
                versions: [{name: v1}]
            vms:
              - {name: web-1, service: web, version: v1, host: small, vcpus: 2, memoryMiB: 256}
              - {name: crit-1, service: critical, host: small, memoryMiB: 256, criticality: critical}
            tickMillis: 100
            stepTimeoutMillis: 5000
            migration: {timeoutMillis: 5000}
            admin: {port: 0}
            """;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Fixtures() {}

    /** Returns the test configuration with its journal under {@code dir}. */
    public static ControllerConfig config(Path dir) {
        return ControllerConfigFile.parse(YAML, dir);
    }

    /** Returns the fake hypervisor over the configuration's hosts. */
    public static FakeHypervisor hypervisor(ControllerConfig c) {
        return new FakeHypervisor(true, c.hosts().stream().map(h -> new HostSpec(h.name(), h.cpuCores(), h.memoryMiB()))
                .toArray(HostSpec[]::new));
    }

    /** Returns a started in-process balancer for the configuration (listeners and admin on free ports). */
    public static Balancer balancer(ControllerConfig c) {
        return new Balancer(BalancerSetup.configFor(c)).start();
    }

    /** Sends GET {@code path} through the balancer's listener for {@code pool}; returns status and body. */
    public static HttpResponse<String> get(Balancer b, String pool, String path) {
        URI uri = URI.create("http://127.0.0.1:" + b.listenerPort(pool) + path);
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a raw GET from source address {@code from} (a loopback address); returns the first line
     * of the answer, or {@code ""} when the balancer closed the connection without one.
     */
    public static String rawGetFrom(String from, int port, String path) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(3000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                byte[] buf = in.readNBytes(64);
                String text = new String(buf, StandardCharsets.US_ASCII);
                int eol = text.indexOf('\r');
                return eol < 0 ? text : text.substring(0, eol);
            } catch (java.net.SocketException e) {
                return "";
            }
        }
    }
}
