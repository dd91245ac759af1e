package org.vmshield.balancer.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.config.BackendConfig;
import org.vmshield.balancer.config.ConfigException;
import org.vmshield.balancer.config.ConfigMapper;
import org.vmshield.balancer.config.ListenerConfig;
import org.vmshield.balancer.config.PoolConfig;
import org.vmshield.balancer.guard.GuardRuleParser;
import org.vmshield.balancer.guard.rule.GuardRule;

/**
 * The admin API's routes (JSON in, JSON out; errors as {@code {"error": "..."}} with a 4xx status that
 * says what was expected; a bad request changes nothing):
 * <pre>
 * GET    /pools                          list pools and their backends
 * POST   /pools                          add a pool            (body: a pool, as in the config)
 * GET    /pools/{pool}                   one pool
 * DELETE /pools/{pool}                   remove a pool (409 while a listener uses it)
 * POST   /pools/{pool}/backends          add a backend         (body: {id, address, weight?, state?})
 * PATCH  /pools/{pool}/backends/{id}     change weight, state and/or address at once
 * PUT    /pools/{pool}/backends/{id}/weight|state|address   change one ({"weight": 50} ...)
 * DELETE /pools/{pool}/backends/{id}     remove a backend
 * GET    /listeners | POST /listeners | DELETE /listeners/{name}
 * GET    /rules (with remainingSeconds for rules with a TTL) | POST /rules (body: a guard rule) | DELETE /rules/{id}
 * GET    /snapshot                       the last telemetry snapshot
 * GET    /metrics                        Prometheus text
 * </pre>
 * When a token is configured, every request needs {@code Authorization: Bearer <token>}.
 */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);

    private final Balancer balancer;
    private final byte[] expectedAuth;
    private final ObjectMapper json = ConfigMapper.json();

    AdminHandler(Balancer balancer, String token) {
        this.balancer = balancer;
        this.expectedAuth = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        FullHttpResponse resp;
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (req.decoderResult().isFailure()) {
            resp = error(400, "malformed request (expected: HTTP/1.1)");
            keepAlive = false;
        } else if (!authorized(req)) {
            resp = error(401, "missing or wrong token (expected: Authorization: Bearer <admin token>)");
            resp.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        } else {
            try {
                resp = route(req, ctx);
            } catch (AdminException e) {
                resp = error(e.status, e.getMessage());
            } catch (IllegalArgumentException e) {
                resp = error(400, e.getMessage());
            } catch (NoSuchElementException e) {
                resp = error(404, e.getMessage());
            } catch (IllegalStateException e) {
                resp = error(409, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("admin {} {} failed", req.method(), req.uri(), e);
                resp = error(500, "internal error: " + e);
            }
        }
        if (keepAlive) {
            resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(resp);
        } else {
            resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private boolean authorized(FullHttpRequest req) {
        if (expectedAuth == null) {
            return true;
        }
        String given = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        return given != null && MessageDigest.isEqual(expectedAuth, given.getBytes(StandardCharsets.UTF_8));
    }

    private FullHttpResponse route(FullHttpRequest req, ChannelHandlerContext ctx) {
        String path = new QueryStringDecoder(req.uri()).path();
        List<String> seg = List.of(path.replaceAll("^/+|/+$", "").split("/+"));
        HttpMethod m = req.method();
        if (!HttpMethod.GET.equals(m)) {
            LOG.info("admin: {} {} from {}", m, path, ctx.channel().remoteAddress());
        }
        String first = seg.get(0);
        int n = seg.size();
        switch (first) {
            case "pools" -> {
                if (n == 1) {
                    if (HttpMethod.GET.equals(m)) {
                        return ok(200, balancer.pools());
                    }
                    requireMethod(m, HttpMethod.POST, "GET or POST");
                    PoolConfig c = body(req, PoolConfig.class);
                    balancer.addPool(c);
                    return ok(201, balancer.pool(c.name()));
                }
                String pool = seg.get(1);
                if (n == 2) {
                    if (HttpMethod.GET.equals(m)) {
                        return ok(200, balancer.pool(pool));
                    }
                    requireMethod(m, HttpMethod.DELETE, "GET or DELETE");
                    balancer.removePool(pool);
                    return ok(200, Map.of("removed", pool));
                }
                if (!"backends".equals(seg.get(2))) {
                    break;
                }
                if (n == 3) {
                    requireMethod(m, HttpMethod.POST, "POST");
                    BackendConfig c = body(req, BackendConfig.class);
                    balancer.addBackend(pool, c);
                    return ok(201, balancer.pool(pool));
                }
                String id = seg.get(3);
                if (n == 4) {
                    if (HttpMethod.DELETE.equals(m)) {
                        balancer.removeBackend(pool, id);
                        return ok(200, Map.of("removed", id));
                    }
                    requireMethod(m, HttpMethod.PATCH, "PATCH or DELETE");
                    BackendPatch p = body(req, BackendPatch.class);
                    if (p.empty()) {
                        throw new AdminException(400, "body: {} (expected: at least one of weight, state, address)");
                    }
                    balancer.updateBackend(pool, id, p.weight(), p.state(), p.address());
                    return ok(200, balancer.pool(pool));
                }
                if (n == 5) {
                    requireMethod(m, HttpMethod.PUT, "PUT");
                    BackendPatch p = body(req, BackendPatch.class);
                    String field = seg.get(4);
                    Object value = switch (field) {
                        case "weight" -> p.weight();
                        case "state" -> p.state();
                        case "address" -> p.address();
                        default -> throw new AdminException(404, "path: " + path
                                + " (expected: /pools/{pool}/backends/{id}/weight, /state or /address)");
                    };
                    if (value == null) {
                        throw new AdminException(400, "body: " + field + " missing (expected: {\"" + field + "\": ...})");
                    }
                    balancer.updateBackend(pool, id, "weight".equals(field) ? p.weight() : null,
                            "state".equals(field) ? p.state() : null, "address".equals(field) ? p.address() : null);
                    return ok(200, balancer.pool(pool));
                }
            }
            case "listeners" -> {
                if (n == 1) {
                    if (HttpMethod.GET.equals(m)) {
                        return ok(200, balancer.listeners());
                    }
                    requireMethod(m, HttpMethod.POST, "GET or POST");
                    ListenerConfig c = body(req, ListenerConfig.class);
                    balancer.addListener(c);
                    return ok(201, balancer.listeners().stream().filter(l -> l.name().equals(c.name())).findFirst()
                            .orElseThrow());
                }
                if (n == 2) {
                    requireMethod(m, HttpMethod.DELETE, "DELETE");
                    balancer.removeListener(seg.get(1));
                    return ok(200, Map.of("removed", seg.get(1)));
                }
            }
            case "rules" -> {
                if (n == 1) {
                    if (HttpMethod.GET.equals(m)) {
                        return ok(200, balancer.rules().stream().map(r -> {
                            JsonNode tree = GuardRuleParser.toTree(r);
                            balancer.ruleRemainingSeconds(r.id())
                                    .ifPresent(left -> ((ObjectNode) tree).put("remainingSeconds", left));
                            return tree;
                        }).toList());
                    }
                    requireMethod(m, HttpMethod.POST, "GET or POST");
                    GuardRule rule = GuardRuleParser.parseJson(text(req));
                    try {
                        balancer.addRule(rule);
                    } catch (IllegalArgumentException e) {
                        throw new AdminException(409, e.getMessage());
                    }
                    return ok(201, GuardRuleParser.toTree(rule));
                }
                if (n == 2) {
                    requireMethod(m, HttpMethod.DELETE, "DELETE");
                    balancer.removeRule(seg.get(1));
                    return ok(200, Map.of("removed", seg.get(1)));
                }
            }
            case "snapshot" -> {
                if (n == 1) {
                    requireMethod(m, HttpMethod.GET, "GET");
                    return ok(200, balancer.snapshot());
                }
            }
            case "metrics" -> {
                if (n == 1) {
                    requireMethod(m, HttpMethod.GET, "GET");
                    FullHttpResponse r = response(200, balancer.metricsText().getBytes(StandardCharsets.UTF_8));
                    r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                    return r;
                }
            }
            default -> { }
        }
        throw new AdminException(404, "path: " + path
                + " (expected: /pools, /pools/{pool}, /pools/{pool}/backends[/{id}], /listeners, /rules, /snapshot, /metrics)");
    }

    private static void requireMethod(HttpMethod m, HttpMethod expected, String allowed) {
        if (!expected.equals(m)) {
            throw new AdminException(405, "method: " + m + " (expected: " + allowed + ")");
        }
    }

    private static String text(FullHttpRequest req) {
        return req.content().toString(StandardCharsets.UTF_8);
    }

    private static <T> T body(FullHttpRequest req, Class<T> type) {
        try {
            return ConfigMapper.readJson("body", text(req), type);
        } catch (ConfigException e) {
            throw new AdminException(400, e.getMessage());
        }
    }

    private FullHttpResponse ok(int status, Object value) {
        try {
            FullHttpResponse r = response(status, json.writeValueAsBytes(value));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            return r;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private FullHttpResponse error(int status, String message) {
        return ok(status, Map.of("error", message == null ? "error" : message));
    }

    private static FullHttpResponse response(int status, byte[] body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body));
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return r;
    }
}
