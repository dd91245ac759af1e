package org.vmshield.controller.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.controller.Controller;
import org.vmshield.controller.config.AdminDecl;
import org.vmshield.controller.state.RuleMapper;
import org.vmshield.hypervisor.HostInfo;
import org.vmshield.hypervisor.VmInfo;

/**
 * The controller's admin API: HTTP/JSON on loopback by default; when a token is configured every
 * request must carry {@code Authorization: Bearer TOKEN}. Routes:
 * {@code GET /status, /hosts, /vms, /incidents, /actions, /rules};
 * {@code POST /migrate {vm, host}}, {@code POST /switch {vm, version}},
 * {@code POST /rules {kind, pool, match, limit, ttlSeconds}}, {@code DELETE /rules/ID}.
 * Bad input gets a 4xx with {@code {"error": "..."}} and changes nothing.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;

    private final Controller controller;
    private final ManualActions manual;
    private final String token;
    private final HttpServer server;
    private final ExecutorService threads;

    /** Binds the API (port 0 picks a free one); call {@link #start}. */
    public AdminServer(Controller controller, AdminDecl admin) throws IOException {
        InetAddress bind = InetAddress.getByName(admin.bind());
        if (!bind.isLoopbackAddress() && (admin.token() == null || admin.token().length() < 16)) {
            throw new IllegalArgumentException("admin.token: missing (expected: a token of at least 16 characters when bind "
                    + admin.bind() + " is not loopback)");
        }
        this.controller = controller;
        this.manual = new ManualActions(controller.config(), controller.hypervisor(), controller.control());
        this.token = admin.token();
        this.server = HttpServer.create(new InetSocketAddress(bind, admin.port()), 16);
        this.threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "vmshield-ctl-admin");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    /** Starts serving. */
    public AdminServer start() {
        server.start();
        LOG.info("controller admin API on {}:{}", server.getAddress().getHostString(), port());
        return this;
    }

    /** Returns the bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            int status = 200;
            Object body;
            try {
                authorize(ex);
                body = route(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex);
            } catch (BadRequestException e) {
                status = e.status();
                body = Map.of("error", e.getMessage());
            } catch (NoSuchElementException e) {
                status = 404;
                body = Map.of("error", String.valueOf(e.getMessage()));
            } catch (IllegalArgumentException e) {
                status = 400;
                body = Map.of("error", String.valueOf(e.getMessage()));
            } catch (IllegalStateException e) {
                status = 409;
                body = Map.of("error", String.valueOf(e.getMessage()));
            } catch (RuntimeException e) {
                LOG.warn("admin request {} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
                status = 500;
                body = Map.of("error", String.valueOf(e.getMessage()));
            }
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void authorize(HttpExchange ex) {
        if (token == null) {
            return;
        }
        String h = ex.getRequestHeaders().getFirst("Authorization");
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        if (h == null || !MessageDigest.isEqual(expected, h.getBytes(StandardCharsets.UTF_8))) {
            throw new BadRequestException(401, "authorization: missing or wrong (expected: Authorization: Bearer TOKEN)");
        }
    }

    private Object route(String method, String path, HttpExchange ex) throws IOException {
        switch (method + " " + path) {
            case "GET /status":
                return controller.status();
            case "GET /hosts":
                return hosts();
            case "GET /vms":
                return vms();
            case "GET /incidents":
                return incidents();
            case "GET /actions":
                return controller.actions();
            case "GET /rules":
                return rules();
            case "POST /migrate": {
                JsonNode b = body(ex);
                return controller.executeManual(manual.migrate(text(b, "vm"), text(b, "host")));
            }
            case "POST /switch": {
                JsonNode b = body(ex);
                return controller.executeManual(manual.switchVersion(text(b, "vm"), text(b, "version")));
            }
            case "POST /rules": {
                JsonNode b = body(ex);
                double limit = b.path("limit").isNumber() ? b.path("limit").asDouble() : 0;
                long ttl = b.has("ttlSeconds") ? number(b, "ttlSeconds") : 300;
                return controller.executeManual(manual.addRule(text(b, "kind"), text(b, "pool"), text(b, "match"), limit,
                        ttl, System.currentTimeMillis()));
            }
            default:
                break;
        }
        if ("DELETE".equals(method) && path.startsWith("/rules/")) {
            String raw = ex.getRequestURI().getRawPath();
            String id = java.net.URLDecoder.decode(raw.substring("/rules/".length()), StandardCharsets.UTF_8);
            return controller.executeManual(manual.removeRule(id));
        }
        if (List.of("/status", "/hosts", "/vms", "/incidents", "/actions", "/rules", "/migrate", "/switch").contains(path)) {
            throw new BadRequestException(405, "method " + method + " on " + path + " (expected: GET, or POST for /migrate, /switch, /rules)");
        }
        throw new BadRequestException(404, "path: " + path
                + " (expected: /status, /hosts, /vms, /incidents, /actions, /rules, /migrate, /switch)");
    }

    private List<Map<String, Object>> hosts() {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Double> used = new java.util.HashMap<>();
        if (controller.lastSnapshot() != null) {
            controller.lastSnapshot().hypervisor().hosts().forEach(h -> used.put(h.host(), h.cpuUsedCores()));
        }
        for (HostInfo h : controller.hypervisor().hosts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", h.name());
            m.put("cpuCores", h.spec().cpuCores());
            m.put("cpuUsedCores", used.getOrDefault(h.name(), 0.0));
            m.put("memoryMiB", h.spec().memoryMiB());
            m.put("allocatedMemoryMiB", h.allocatedMemoryMiB());
            m.put("vms", h.vms());
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Object>> vms() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (VmInfo v : controller.hypervisor().vms()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.name());
            m.put("service", v.spec().service());
            m.put("version", v.spec().version());
            m.put("host", v.host());
            m.put("state", v.state().name());
            m.put("endpoint", v.endpoint().toString());
            m.put("vCpus", v.spec().vCpus());
            m.put("memoryMiB", v.spec().memoryMiB());
            m.put("migrations", v.migrations());
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Object>> incidents() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Incident i : controller.incidents()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("kind", i.kind().name());
            m.put("target", i.target().key());
            m.put("state", i.state().name());
            m.put("severity", i.severity().toString());
            m.put("confidence", i.confidence());
            m.put("startMillis", i.startMillis());
            m.put("evidence", i.evidence());
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Object>> rules() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FilterRule r : controller.control().rules()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("balancerId", RuleMapper.balancerId(r.id()));
            m.put("kind", r.kind().name());
            m.put("pool", r.pool());
            m.put("match", r.match());
            m.put("limit", r.limit());
            m.put("incidentId", r.incidentId());
            m.put("expiresAtMillis", r.expiresAtMillis());
            out.add(m);
        }
        return out;
    }

    private static JsonNode body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new BadRequestException(413, "body: more than " + MAX_BODY + " bytes (expected: a small JSON object)");
            }
            JsonNode n;
            try {
                n = JSON.readTree(bytes);
            } catch (IOException e) {
                throw new BadRequestException(400, "body: not JSON (expected: a JSON object)");
            }
            if (n == null || !n.isObject()) {
                throw new BadRequestException(400, "body: " + (n == null ? "empty" : n.getNodeType()) + " (expected: a JSON object)");
            }
            return n;
        }
    }

    private static String text(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new BadRequestException(400, field + ": " + (v == null ? "missing" : v.toString()) + " (expected: non-blank text)");
        }
        return v.asText();
    }

    private static long number(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || !v.isIntegralNumber()) {
            throw new BadRequestException(400, field + ": " + (v == null ? "missing" : v.toString()) + " (expected: an integer)");
        }
        return v.asLong();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
