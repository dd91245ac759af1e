package org.vmshield.balancer.stats;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.vmshield.balancer.pool.Backend;
import org.vmshield.balancer.pool.Pool;
import org.vmshield.model.telemetry.GuardStat;
import org.vmshield.model.telemetry.LatencyMillis;
import org.vmshield.model.telemetry.TrafficSnapshot;

/**
 * The Prometheus view (Micrometer): cumulative counters read straight from the live counters at
 * scrape time (nothing extra on the hot path), gauges for connections and in-flight requests, and the
 * latest snapshot's latency percentiles. Meters follow pools and backends as they come and go.
 */
public final class PrometheusMetrics {
    private static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, List<Meter>> meters = new HashMap<>();
    private final Supplier<TrafficSnapshot> latest;
    private final Supplier<Map<String, GuardStat>> guardTotals;
    private Map<String, GuardStat> lastGuardTotals = Map.of();

    /**
     * Creates the registry; {@code latest} supplies the last snapshot for latency gauges,
     * {@code guardTotals} the cumulative refusals per guard rule.
     */
    public PrometheusMetrics(Supplier<TrafficSnapshot> latest, Supplier<Map<String, GuardStat>> guardTotals) {
        this.latest = latest;
        this.guardTotals = guardTotals;
    }

    /** Returns the Prometheus text exposition for the current pools and backends. */
    public synchronized String scrape(List<Pool> pools) {
        Set<String> wanted = new HashSet<>();
        for (Pool p : pools) {
            String key = p.name();
            wanted.add(key);
            meters.computeIfAbsent(key, k -> register(p.counters(), Tags.of("pool", p.name(), "backend", ""), p.name(), null));
            for (Backend b : p.backends()) {
                String bkey = p.name() + "\u0000" + b.id();
                wanted.add(bkey);
                meters.computeIfAbsent(bkey, k -> register(b.counters(), Tags.of("pool", p.name(), "backend", b.id()),
                        p.name(), b.id()));
            }
        }
        lastGuardTotals = guardTotals.get();
        for (String rule : lastGuardTotals.keySet()) {
            String key = "rule\u0000" + rule;
            wanted.add(key);
            meters.computeIfAbsent(key, k -> List.of(
                    FunctionCounter.builder("vmshield_guard_refused_requests", this, m -> m.refusals(rule, true))
                            .tag("rule", rule).description("requests refused by a guard rule").register(registry),
                    FunctionCounter.builder("vmshield_guard_refused_connections", this, m -> m.refusals(rule, false))
                            .tag("rule", rule).description("connections refused by a guard rule").register(registry)));
        }
        meters.entrySet().removeIf(e -> {
            if (wanted.contains(e.getKey())) {
                return false;
            }
            e.getValue().forEach(registry::remove);
            return true;
        });
        return registry.scrape();
    }

    private List<Meter> register(TrafficCounters c, Tags tags, String pool, String backend) {
        List<Meter> out = new ArrayList<>();
        for (int i = 0; i < CLASSES.length; i++) {
            int idx = i;
            out.add(FunctionCounter.builder("vmshield_responses", c, x -> x.statusTotal(idx))
                    .tags(tags).tag("class", CLASSES[i]).description("responses by status class").register(registry));
        }
        out.add(FunctionCounter.builder("vmshield_backend_errors", c, x -> x.statusTotal(5))
                .tags(tags).description("requests that got no answer from a backend").register(registry));
        out.add(FunctionCounter.builder("vmshield_bytes_in", c, TrafficCounters::bytesInTotal)
                .tags(tags).baseUnit("bytes").register(registry));
        out.add(FunctionCounter.builder("vmshield_bytes_out", c, TrafficCounters::bytesOutTotal)
                .tags(tags).baseUnit("bytes").register(registry));
        out.add(FunctionCounter.builder("vmshield_connections_opened", c, TrafficCounters::newConnectionsTotal)
                .tags(tags).register(registry));
        out.add(Gauge.builder("vmshield_connections_open", c, TrafficCounters::connectionsOpen)
                .tags(tags).register(registry));
        out.add(Gauge.builder("vmshield_requests_in_flight", c, TrafficCounters::inFlight)
                .tags(tags).register(registry));
        out.add(Gauge.builder("vmshield_latency_p50_ms", this, m -> m.latency(pool, backend).p50())
                .tags(tags).register(registry));
        out.add(Gauge.builder("vmshield_latency_p99_ms", this, m -> m.latency(pool, backend).p99())
                .tags(tags).register(registry));
        return out;
    }

    private double refusals(String rule, boolean requests) {
        GuardStat g = lastGuardTotals.get(rule);
        return g == null ? 0 : requests ? g.requestsRefused() : g.connectionsRefused();
    }

    private LatencyMillis latency(String pool, String backend) {
        TrafficSnapshot s = latest.get();
        return s.pool(pool).map(p -> backend == null ? p.traffic().latency()
                : p.backends().stream().filter(b -> b.backendId().equals(backend)).findFirst()
                        .map(b -> b.traffic().latency()).orElse(LatencyMillis.NONE))
                .orElse(LatencyMillis.NONE);
    }
}
