package org.vmshield.balancer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.netty.channel.EventLoopGroup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.balancer.admin.AdminServer;
import org.vmshield.balancer.config.BackendConfig;
import org.vmshield.balancer.config.BalancerConfig;
import org.vmshield.balancer.config.ListenerConfig;
import org.vmshield.balancer.config.PoolConfig;
import org.vmshield.balancer.guard.GuardChain;
import org.vmshield.balancer.guard.GuardRuleParser;
import org.vmshield.balancer.guard.GuardSettings;
import org.vmshield.balancer.guard.rule.GuardRule;
import org.vmshield.balancer.health.ActiveHealthChecker;
import org.vmshield.balancer.pool.Backend;
import org.vmshield.balancer.pool.BackendAddress;
import org.vmshield.balancer.pool.BackendState;
import org.vmshield.balancer.pool.Pool;
import org.vmshield.balancer.pool.RandomSource;
import org.vmshield.balancer.proxy.BackendConnector;
import org.vmshield.balancer.proxy.ConnectionLimits;
import org.vmshield.balancer.proxy.ListenerContext;
import org.vmshield.balancer.proxy.ProxyListener;
import org.vmshield.balancer.proxy.Transport;
import org.vmshield.balancer.stats.PrometheusMetrics;
import org.vmshield.balancer.stats.SnapshotAssembler;
import org.vmshield.model.telemetry.TrafficSnapshot;

/**
 * The load balancer: listeners, pools, guards, telemetry and the admin API, wired together. Start
 * here: {@code new Balancer(config).start()}, then {@link #snapshot()} each tick, and the runtime
 * control methods (pools, backends, weights, states, addresses, rules), which the admin API calls
 * too. Every change is validated first (bad input throws and changes nothing) and logged.
 *
 * <p>Errors: {@link IllegalArgumentException} for bad input, {@link NoSuchElementException} for an
 * unknown pool, backend, listener or rule, {@link IllegalStateException} for a conflict.
 */
public final class Balancer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Balancer.class);

    private final BalancerConfig config;
    private final LongSupplier nanoClock;
    private final RandomSource random;
    private final Clock wallClock;
    private final Map<String, PoolRuntime> pools = new ConcurrentHashMap<>();
    private final Map<String, ProxyListener> listeners = new ConcurrentHashMap<>();
    private final SnapshotAssembler assembler;
    private final PrometheusMetrics metrics;
    private final ConnectionLimits connectionLimits;
    private volatile TrafficSnapshot latest;
    private Transport transport;
    private EventLoopGroup acceptors;
    private EventLoopGroup workers;
    private EventLoopGroup control;
    private GuardChain guard;
    private BackendConnector connector;
    private AdminServer admin;
    private boolean started;
    private boolean closed;

    private record PoolRuntime(Pool pool, PoolTraffic traffic, ActiveHealthChecker health) {}

    /** Creates a balancer from a validated config, on the system clocks. */
    public Balancer(BalancerConfig config) {
        this(config, System::nanoTime, RandomSource.threadLocal(), Clock.systemUTC());
    }

    /** Creates a balancer with injected clocks and randomness (tests). */
    public Balancer(BalancerConfig config, LongSupplier nanoClock, RandomSource random, Clock wallClock) {
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.config = config;
        this.nanoClock = nanoClock;
        this.random = random;
        this.wallClock = wallClock;
        this.assembler = new SnapshotAssembler(nanoClock);
        this.latest = TrafficSnapshot.empty(wallClock.millis());
        this.metrics = new PrometheusMetrics(() -> latest,
                () -> guard == null ? Map.of() : guard.counters().totals());
        this.connectionLimits = new ConnectionLimits(config.limits().maxConnections(),
                config.limits().maxConnectionsPerSource());
    }

    /** Binds every listener and the admin API, loads the guard rules, starts checks and the stats tick. */
    public synchronized Balancer start() {
        if (started) {
            throw new IllegalStateException("balancer: already started");
        }
        started = true;
        transport = Transport.best();
        acceptors = transport.newGroup(1, "vmshield-accept");
        workers = transport.newGroup(config.ioThreads(), "vmshield-io");
        control = transport.newGroup(1, "vmshield-control");
        try {
            guard = new GuardChain(GuardSettings.defaults(), nanoClock, control);
            var array = JsonNodeFactory.instance.arrayNode();
            config.guards().forEach(array::add);
            guard.rules().replaceAll(GuardRuleParser.parseList(array));
            connector = new BackendConnector(transport, config.limits().connectTimeoutMillis());
            for (PoolConfig p : config.pools()) {
                addPool(p);
            }
            for (ListenerConfig l : config.listeners()) {
                addListener(l);
            }
            admin = new AdminServer(config.admin(), this, control.next(), transport);
            admin.start();
            long interval = config.snapshotIntervalMillis();
            control.scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("balancer started: transport {}, {} io threads, {} listeners, {} pools, {} guard rules, admin on {}:{}",
                transport.name(), config.ioThreads(), listeners.size(), pools.size(), guard.rules().size(),
                config.admin().bind(), admin.port());
        return this;
    }

    private void tick() {
        try {
            List<SnapshotAssembler.PoolEntry> entries = new ArrayList<>();
            for (PoolRuntime r : sortedPools()) {
                entries.add(new SnapshotAssembler.PoolEntry(r.pool(), r.traffic()));
            }
            latest = assembler.roll(wallClock.millis(), entries);
        } catch (RuntimeException e) {
            LOG.error("stats tick failed", e);
        }
    }

    private List<PoolRuntime> sortedPools() {
        List<PoolRuntime> list = new ArrayList<>(pools.values());
        list.sort(Comparator.comparing(r -> r.pool().name()));
        return list;
    }

    /** Returns the telemetry of the last completed interval (empty before the first tick). */
    public TrafficSnapshot snapshot() {
        return latest;
    }

    /** Returns the Prometheus text exposition of the counters. */
    public String metricsText() {
        return metrics.scrape(sortedPools().stream().map(PoolRuntime::pool).toList());
    }

    /** Returns the guard chain (rules, counters). */
    public GuardChain guardChain() {
        return guard;
    }

    /** Returns the name of the socket transport in use (epoll or nio). */
    public String transportName() {
        return transport.name();
    }

    /** Returns the admin API's bound port. */
    public int adminPort() {
        return admin.port();
    }

    /** Returns the bound port of a listener. */
    public int listenerPort(String name) {
        return requireListener(name).port();
    }

    // ------------------------------------------------------------------ pools and listeners

    /** Lists the pools, by name. */
    public List<PoolView> pools() {
        return sortedPools().stream().map(r -> view(r.pool())).toList();
    }

    /** Returns one pool. */
    public PoolView pool(String name) {
        return view(requirePool(name).pool());
    }

    private PoolView view(Pool p) {
        long now = nanoClock.getAsLong();
        List<PoolView.BackendView> bs = new ArrayList<>();
        for (Backend b : p.backends()) {
            bs.add(new PoolView.BackendView(b.id(), b.address().text(), b.weight(), b.state().wireName(),
                    b.healthy(now), b.outstanding(), b.pauseQueue().size()));
        }
        List<String> ls = listeners.values().stream().filter(l -> l.context().pool() == p)
                .map(l -> l.config().name()).sorted().toList();
        return new PoolView(p.name(), p.service(), p.strategy().wireName(), ls, bs);
    }

    /** Adds a pool (validated; its name must be new). */
    public synchronized void addPool(PoolConfig c) {
        checkOpen();
        List<String> problems = new ArrayList<>();
        c.validate("pool", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (pools.containsKey(c.name())) {
            throw new IllegalStateException("pool.name: " + c.name() + " (expected: a name not in use)");
        }
        Pool pool = new Pool(c, nanoClock, random);
        ActiveHealthChecker health = null;
        if (c.healthCheck() != null) {
            health = new ActiveHealthChecker(pool, c.healthCheck(), control.next(), transport.socketChannelClass());
            health.start();
        }
        pools.put(c.name(), new PoolRuntime(pool, new PoolTraffic(c.name(), guard, nanoClock), health));
        LOG.info("pool {} added: service {}, strategy {}, {} backends", c.name(), c.service(), c.strategy(),
                c.backends().size());
    }

    /** Removes a pool; refused while a listener sends to it. */
    public synchronized void removePool(String name) {
        PoolRuntime r = requirePool(name);
        for (ProxyListener l : listeners.values()) {
            if (l.context().pool() == r.pool()) {
                throw new IllegalStateException("pool: " + name + " (expected: a pool no listener uses; listener "
                        + l.config().name() + " does)");
            }
        }
        pools.remove(name);
        if (r.health() != null) {
            r.health().close();
        }
        r.pool().close();
        LOG.info("pool {} removed", name);
    }

    /** Lists the listeners, by name. */
    public List<ListenerView> listeners() {
        return listeners.values().stream()
                .map(l -> new ListenerView(l.config().name(), l.config().protocol(), l.config().bind(), l.port(),
                        l.context().pool().name()))
                .sorted(Comparator.comparing(ListenerView::name)).toList();
    }

    /** Adds and binds a listener for an existing pool; returns its port. */
    public synchronized int addListener(ListenerConfig c) {
        checkOpen();
        List<String> problems = new ArrayList<>();
        c.validate("listener", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (listeners.containsKey(c.name())) {
            throw new IllegalStateException("listener.name: " + c.name() + " (expected: a name not in use)");
        }
        PoolRuntime r = pools.get(c.pool());
        if (r == null) {
            throw new IllegalArgumentException("listener.pool: " + c.pool() + " (expected: the name of a pool)");
        }
        ListenerContext ctx = new ListenerContext(c.name(), r.pool(), r.traffic(), connector, config.limits(),
                connectionLimits, nanoClock);
        ProxyListener l = new ProxyListener(c, ctx);
        int port = l.start(transport, acceptors, workers);
        listeners.put(c.name(), l);
        LOG.info("listener {} ({}) on {}:{} -> pool {}", c.name(), c.protocol(), c.bind(), port, c.pool());
        return port;
    }

    /** Stops a listener and closes its connections. */
    public synchronized void removeListener(String name) {
        ProxyListener l = requireListener(name);
        listeners.remove(name);
        l.close();
        LOG.info("listener {} removed", name);
    }

    // ------------------------------------------------------------------ backends

    /** Adds a backend to a pool. */
    public synchronized void addBackend(String pool, BackendConfig c) {
        List<String> problems = new ArrayList<>();
        c.validate("backend", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Pool p = requirePool(pool).pool();
        if (p.backend(c.id()) != null) {
            throw new IllegalStateException("backend.id: " + c.id() + " (expected: an id not used in pool " + pool + ")");
        }
        p.addBackend(c);
        LOG.info("pool {}: backend {} added at {} (weight {}, {})", pool, c.id(), c.address(), c.weight(), c.state());
    }

    /** Removes a backend: no new requests, in-flight ones finish. */
    public synchronized void removeBackend(String pool, String id) {
        requirePool(pool).pool().removeBackend(id);
        LOG.info("pool {}: backend {} removed", pool, id);
    }

    /** Sets a backend's weight (0..10000). */
    public synchronized void setWeight(String pool, String id, int weight) {
        Pool p = requirePool(pool).pool();
        Backend b = p.require(id);
        int old = b.weight();
        p.setWeight(id, weight);
        LOG.info("pool {}: backend {} weight {} -> {}", pool, id, old, weight);
    }

    /** Sets a backend's state: active, draining, paused or maintenance. */
    public synchronized void setState(String pool, String id, String state) {
        BackendState s = BackendState.parse("state", state);
        Pool p = requirePool(pool).pool();
        Backend b = p.require(id);
        BackendState old = b.state();
        p.setState(id, s);
        LOG.info("pool {}: backend {} state {} -> {}", pool, id, old.wireName(), s.wireName());
    }

    /** Switches a backend's address ({@code host:port}) atomically under the same id. */
    public synchronized void setAddress(String pool, String id, String address) {
        BackendAddress a = BackendAddress.parse("address", address);
        Pool p = requirePool(pool).pool();
        Backend b = p.require(id);
        String old = b.address().text();
        p.setAddress(id, a);
        LOG.info("pool {}: backend {} address {} -> {}", pool, id, old, a.text());
    }

    /**
     * Applies several changes to one backend at once: all are validated before any is applied.
     * Null arguments are left as they are. Address first, then weight, then state, so that
     * resuming a paused backend releases its held requests to the new address.
     */
    public synchronized void updateBackend(String pool, String id, Integer weight, String state, String address) {
        BackendAddress a = address == null ? null : BackendAddress.parse("address", address);
        BackendState s = state == null ? null : BackendState.parse("state", state);
        if (weight != null && (weight < 0 || weight > Backend.MAX_WEIGHT)) {
            throw new IllegalArgumentException("weight: " + weight + " (expected: 0.." + Backend.MAX_WEIGHT + ")");
        }
        requirePool(pool).pool().require(id);
        if (a != null) {
            setAddress(pool, id, a.text());
        }
        if (weight != null) {
            setWeight(pool, id, weight);
        }
        if (s != null) {
            setState(pool, id, s.wireName());
        }
    }

    // ------------------------------------------------------------------ guard rules

    /** Adds a guard rule (its id must be new). */
    public void addRule(GuardRule rule) {
        guard.rules().add(rule);
        LOG.info("guard rule added: {}", GuardRuleParser.toJson(rule));
    }

    /** Removes a guard rule. */
    public void removeRule(String id) {
        if (!guard.rules().remove(id)) {
            throw new NoSuchElementException("rule: " + id + " (expected: the id of a rule in force)");
        }
        LOG.info("guard rule removed: {}", id);
    }

    /** Lists the guard rules in force. */
    public List<GuardRule> rules() {
        return guard.rules().list();
    }

    /** Returns the seconds before a rule expires; empty when it has no TTL or is not in force. */
    public java.util.Optional<Long> ruleRemainingSeconds(String id) {
        return guard.rules().remainingSeconds(id);
    }

    // ------------------------------------------------------------------ lifecycle

    private PoolRuntime requirePool(String name) {
        PoolRuntime r = name == null ? null : pools.get(name);
        if (r == null) {
            throw new NoSuchElementException("pool: " + name + " (expected: the name of a pool)");
        }
        return r;
    }

    private ProxyListener requireListener(String name) {
        ProxyListener l = name == null ? null : listeners.get(name);
        if (l == null) {
            throw new NoSuchElementException("listener: " + name + " (expected: the name of a listener)");
        }
        return l;
    }

    private void checkOpen() {
        if (!started || closed) {
            throw new IllegalStateException("balancer: not running");
        }
    }

    /** Stops listeners, the admin API, checks and the event loops; waits for them to end. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (admin != null) {
            admin.close();
        }
        listeners.values().forEach(ProxyListener::close);
        listeners.clear();
        for (PoolRuntime r : pools.values()) {
            if (r.health() != null) {
                r.health().close();
            }
        }
        for (EventLoopGroup g : new EventLoopGroup[] {acceptors, workers, control}) {
            if (g != null) {
                g.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            }
        }
        for (EventLoopGroup g : new EventLoopGroup[] {acceptors, workers, control}) {
            if (g != null) {
                g.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
        LOG.info("balancer stopped");
    }
}
