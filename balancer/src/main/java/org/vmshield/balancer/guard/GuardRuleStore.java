package org.vmshield.balancer.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.vmshield.balancer.guard.rule.GuardRule;

/**
 * The rules in force: add, replace, remove, list; rules with a TTL expire by themselves. Every
 * change compiles a new immutable {@link GuardRuleSet} and publishes it with one volatile write,
 * so the hot path sees either the old set or the new one, never a mix. Changes are serialized
 * (they are rare); reads never lock.
 *
 * <p>Expiry: the hot path notices (one comparison) that the earliest expiry has passed and hands
 * {@link #expireDue()} to the expiry executor; {@link #list()} also expires first. Time is the
 * injected nano clock, which must be the clock the hot path's {@code nowNanos} comes from.
 */
public final class GuardRuleStore {
    private final GuardSettings settings;
    private final GuardCounters counters;
    private final LongSupplier nanoClock;
    private final Executor expiryExecutor;
    private final AtomicBoolean expiryQueued = new AtomicBoolean();
    private final LinkedHashMap<String, GuardRuleSet.StoredRule> rules = new LinkedHashMap<>();
    private volatile GuardRuleSet current = GuardRuleSet.empty();

    GuardRuleStore(GuardSettings settings, GuardCounters counters, LongSupplier nanoClock, Executor expiryExecutor) {
        this.settings = settings;
        this.counters = counters;
        this.nanoClock = nanoClock;
        this.expiryExecutor = expiryExecutor;
    }

    /**
     * Adds a rule.
     *
     * @throws IllegalArgumentException when a rule with the same id exists (nothing changes)
     */
    public synchronized void add(GuardRule rule) {
        expireDue();
        if (rules.containsKey(rule.id())) {
            throw new IllegalArgumentException("id: \"" + rule.id() + "\" (expected: an id not in use; remove it first)");
        }
        LinkedHashMap<String, GuardRuleSet.StoredRule> next = new LinkedHashMap<>(rules);
        next.put(rule.id(), stored(rule));
        publish(next);
    }

    /** Adds a rule, or replaces the rule with the same id (its state is kept when only the TTL changed). */
    public synchronized void put(GuardRule rule) {
        expireDue();
        LinkedHashMap<String, GuardRuleSet.StoredRule> next = new LinkedHashMap<>(rules);
        next.put(rule.id(), stored(rule));
        publish(next);
    }

    /**
     * Replaces every rule at once (e.g. from a reloaded config).
     *
     * @throws IllegalArgumentException when two rules share an id (nothing changes)
     */
    public synchronized void replaceAll(List<? extends GuardRule> all) {
        LinkedHashMap<String, GuardRuleSet.StoredRule> next = new LinkedHashMap<>();
        for (GuardRule r : all) {
            if (next.put(r.id(), stored(r)) != null) {
                throw new IllegalArgumentException("id: \"" + r.id() + "\" (expected: unique ids; given twice)");
            }
        }
        publish(next);
    }

    /** Removes the rule with this id; returns false when there was none. */
    public synchronized boolean remove(String id) {
        expireDue();
        if (!rules.containsKey(id)) {
            return false;
        }
        LinkedHashMap<String, GuardRuleSet.StoredRule> next = new LinkedHashMap<>(rules);
        next.remove(id);
        publish(next);
        return true;
    }

    /** Returns the rules in force, in the order they were added, expired ones removed first. */
    public synchronized List<GuardRule> list() {
        expireDue();
        List<GuardRule> out = new ArrayList<>(rules.size());
        for (GuardRuleSet.StoredRule s : rules.values()) {
            out.add(s.rule());
        }
        return out;
    }

    /** Returns the rule with this id, if in force. */
    public synchronized Optional<GuardRule> get(String id) {
        expireDue();
        GuardRuleSet.StoredRule s = rules.get(id);
        return s == null ? Optional.empty() : Optional.of(s.rule());
    }

    /** Returns the seconds left before the rule expires: empty when absent or without a TTL. */
    public synchronized Optional<Long> remainingSeconds(String id) {
        GuardRuleSet.StoredRule s = rules.get(id);
        if (s == null || s.expiresAtNanos() == GuardRuleSet.NEVER) {
            return Optional.empty();
        }
        return Optional.of(Math.max(0, (s.expiresAtNanos() - nanoClock.getAsLong()) / 1_000_000_000L));
    }

    /** Removes the rules whose TTL has passed; returns how many. */
    public synchronized int expireDue() {
        expiryQueued.set(false);
        long now = nanoClock.getAsLong();
        if (current.nextExpiryNanos == GuardRuleSet.NEVER || now - current.nextExpiryNanos < 0) {
            return 0;
        }
        LinkedHashMap<String, GuardRuleSet.StoredRule> next = new LinkedHashMap<>();
        int expired = 0;
        for (GuardRuleSet.StoredRule s : rules.values()) {
            if (s.expiresAtNanos() != GuardRuleSet.NEVER && now - s.expiresAtNanos() >= 0) {
                expired++;
            } else {
                next.put(s.rule().id(), s);
            }
        }
        if (expired > 0) {
            publish(next);
        }
        return expired;
    }

    /** Returns the published set (one volatile read). */
    GuardRuleSet current() {
        return current;
    }

    /** Asks the expiry executor to run {@link #expireDue()} once; called from the hot path. */
    void expireSoon() {
        if (expiryQueued.compareAndSet(false, true)) {
            expiryExecutor.execute(this::expireDue);
        }
    }

    private GuardRuleSet.StoredRule stored(GuardRule rule) {
        Long ttl = rule.ttlSeconds();
        long at = ttl == null ? GuardRuleSet.NEVER : nanoClock.getAsLong() + ttl * 1_000_000_000L;
        return new GuardRuleSet.StoredRule(rule, at);
    }

    private void publish(LinkedHashMap<String, GuardRuleSet.StoredRule> next) {
        // Compile first: a rule that cannot be compiled leaves everything as it was.
        GuardRuleSet compiled = GuardRuleSet.compile(next, current, settings, counters);
        rules.clear();
        rules.putAll(next);
        current = compiled;
    }

    /** Returns the number of rules in force (without expiring). */
    public synchronized int size() {
        return rules.size();
    }

    /** Returns a read-only view of the rules and their expiry instants, for tests. */
    synchronized Map<String, GuardRuleSet.StoredRule> stored() {
        return Map.copyOf(rules);
    }
}
