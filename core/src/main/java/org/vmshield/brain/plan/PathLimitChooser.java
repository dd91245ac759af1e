package org.vmshield.brain.plan;

import java.util.Locale;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.SuspectedPath;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.RuleKind;

/**
 * Bounds a cost attack's damage: rate-limits the costliest path to the rate at which it would cost
 * what it cost at its baseline per-request time. The last resort when there is no known fix and no
 * concentrated sources; the bridge while a switch to a patched version is under way.
 *
 * <p>benefit = 50 × confidence; cost = 50 × (1 − confidence) × share of its requests refused.
 */
final class PathLimitChooser {
    private final PlannerConfig config;

    PathLimitChooser(PlannerConfig config) {
        this.config = config;
    }

    /** Adds the path limit to {@code d} if it is worth it and not in force yet; {@code why} says why a limit. */
    void plan(Incident inc, TickLedger ledger, Draft d, long nowMillis, String why) {
        String pool = Targets.pool(inc, ledger.cluster());
        if (inc.paths().isEmpty() || pool.isEmpty()) {
            d.consider(ConsideredOption.infeasible("rate-limit path", "no suspected path or pool"));
            return;
        }
        SuspectedPath p = inc.paths().get(0);
        if (!(p.requestsPerSec() > 0) || !(p.meanBackendMillis() > 0)) {
            d.consider(ConsideredOption.infeasible("rate-limit path " + p.path(), "no request rate measured"));
            return;
        }
        double baseline = p.baselineMeanBackendMillis() > 0 ? p.baselineMeanBackendMillis() : p.meanBackendMillis() / 4;
        double limit = Math.max(1, Math.floor(p.requestsPerSec() * Math.min(1, baseline / p.meanBackendMillis())));
        double refused = 1 - limit / p.requestsPerSec();
        // the cap on requests in flight: what the limited rate needs at the baseline cost, twice over
        // (at least 1); a rate limit alone lets a backlog grow at the backend when each request takes
        // longer than the gap between two, and a backlog of crafted requests outlasts the attack
        double inFlight = Math.max(1, Math.ceil(2 * limit * baseline / 1000));
        double benefit = 50 * inc.confidence();
        double cost = 50 * (1 - inc.confidence()) * refused;
        String name = String.format(Locale.ROOT, "limit path %s to %.0f req/s and %.0f in flight", p.path(), limit,
                inFlight);
        d.consider(new ConsideredOption(name, true, benefit, cost, String.format(Locale.ROOT,
                "%.1f req/s at %.0f ms each (baseline %.0f ms); refuses %.0f%% of its requests", p.requestsPerSec(),
                p.meanBackendMillis(), baseline, refused * 100)));
        if (benefit <= cost) {
            d.note("path limit not worth it");
            return;
        }
        long expires = nowMillis + config.ruleTtlMillis();
        boolean added = add(ledger, d, nowMillis, new FilterRule(FilterChooser.ruleId(inc.id(), RuleKind.RATE_LIMIT_PATH,
                p.path()), RuleKind.RATE_LIMIT_PATH, pool, p.path(), limit, inc.id(), expires), why,
                String.format(Locale.ROOT, "caps %s's backend time near %.0f ms/s until %d", p.path(),
                        limit * p.meanBackendMillis(), expires));
        added |= add(ledger, d, nowMillis, new FilterRule(FilterChooser.ruleId(inc.id(), RuleKind.IN_FLIGHT_LIMIT_PATH,
                p.path()), RuleKind.IN_FLIGHT_LIMIT_PATH, pool, p.path(), inFlight, inc.id(), expires), why,
                String.format(Locale.ROOT, "at most %.0f %s requests queued at the backends until %d", inFlight, p.path(),
                        expires));
        if (added) {
            d.choose(name, why + ": bound the path's cost");
        }
    }

    private static boolean add(TickLedger ledger, Draft d, long nowMillis, FilterRule rule, String why, String effect) {
        FilterRule existing = ledger.cluster().rule(rule.id()).orElse(null);
        if (existing != null && existing.expiresAtMillis() - nowMillis > (rule.expiresAtMillis() - nowMillis) / 2) {
            d.note("path limit " + rule.id() + " already in force");
            return false;
        }
        d.add(new AddFilterRule(rule, "cost attack on " + rule.match() + ": " + why, effect));
        return true;
    }
}
