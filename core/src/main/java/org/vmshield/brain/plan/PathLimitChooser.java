package org.vmshield.brain.plan;

import java.util.List;
import java.util.Locale;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.SuspectedPath;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.RuleKind;

/**
 * Bounds a cost attack's damage: rate-limits the costliest path to the rate at which it would cost
 * what it cost at its baseline per-request time; a path that had no normal traffic of its own to
 * a tenth of a core of backend time. The last resort when there is no known
 * fix and no concentrated sources; the bridge while a switch to a patched version is under way.
 *
 * <p>benefit = 50 × confidence; cost = 50 × (1 − confidence) × share of its requests refused.
 */
final class PathLimitChooser {
    /**
     * Backend time per second a path that had no normal traffic of its own may cost: a tight limit
     * refuses no one known; at one request per second (the old floor) a
     * crafted request of 0.9 s kept a whole core busy until the patched version was up (measured in
     * the demo: the big host at 0.95-1.0 core for 5 s, which slowed the critical VM's host too).
     */
    static final double UNLEARNED_PATH_BUDGET_MILLIS_PER_SEC = 100;
    /** The lowest path rate set: one request every ten seconds still shows whether the attack goes on. */
    static final double MIN_RATE_RPS = 0.1;
    /**
     * A path with normal traffic of its own keeps this multiple of its normal request rate: a limit
     * below it refuses the legitimate clients, who are most of the path's requests. A path that gets
     * no more than this is not limited at all: its requests came at their usual rate and each cost
     * more, which is a slow backend (a migration's switchover, a saturated host), not extra crafted
     * requests; limiting it once refused 96 % of a service's main path (`/`) right after a migration.
     */
    static final double NORMAL_RATE_HEADROOM = 1.5;

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
        SuspectedPath p = costliest(inc.paths());
        if (!(p.requestsPerSec() > 0) || !(p.meanBackendMillis() > 0)) {
            d.consider(ConsideredOption.infeasible("rate-limit path " + p.path(), "no request rate measured"));
            return;
        }
        boolean learned = !p.hadNoNormalTraffic();
        double normalRps = learned && p.baselineRequestsPerSec() > 0 ? p.baselineRequestsPerSec() : 0;
        if (normalRps > 0 && p.requestsPerSec() <= NORMAL_RATE_HEADROOM * normalRps) {
            d.consider(ConsideredOption.infeasible("limit path " + p.path(), String.format(Locale.ROOT,
                    "%.1f req/s against %.1f normally: its usual clients, each request slower (a slow backend);"
                            + " a limit would refuse them", p.requestsPerSec(), normalRps)));
            return;
        }
        double baseline = p.baselineMeanBackendMillis() > 0 ? p.baselineMeanBackendMillis() : p.meanBackendMillis() / 4;
        double limit = learned
                ? Math.max(Math.max(1, Math.ceil(NORMAL_RATE_HEADROOM * normalRps)),
                        Math.floor(p.requestsPerSec() * Math.min(1, baseline / p.meanBackendMillis())))
                : Math.min(p.requestsPerSec(), Math.max(MIN_RATE_RPS,
                        Math.round(UNLEARNED_PATH_BUDGET_MILLIS_PER_SEC / p.meanBackendMillis() * 100) / 100.0));
        double refused = 1 - limit / p.requestsPerSec();
        // the cap on requests in flight: what the limited rate needs, twice over (at least 1); a rate
        // limit alone lets a backlog grow at the backend when each request takes longer than the gap
        // between two, and a backlog of crafted requests outlasts the attack. A path with normal
        // traffic is sized at its cost now, so that its clients are not refused by the cap while the
        // backend is slow; one without, at the baseline cost, which only crafted requests exceed.
        double inFlight = Math.max(1, Math.ceil(2 * limit * (normalRps > 0 ? p.meanBackendMillis() : baseline) / 1000));
        double benefit = 50 * inc.confidence();
        double cost = 50 * (1 - inc.confidence()) * refused;
        String name = String.format(Locale.ROOT, "limit path %s to %.2f req/s and %.0f in flight", p.path(), limit,
                inFlight);
        d.consider(new ConsideredOption(name, true, benefit, cost, String.format(Locale.ROOT,
                "%.1f req/s at %.0f ms each (%s); refuses %.0f%% of its requests", p.requestsPerSec(),
                p.meanBackendMillis(), learned ? String.format(Locale.ROOT, "baseline %.0f ms", baseline)
                        : "no normal traffic: " + Fmt.d0(UNLEARNED_PATH_BUDGET_MILLIS_PER_SEC) + " ms/s at most",
                refused * 100)));
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

    /**
     * Returns the path most likely crafted: one that no client used before the attack ahead of one
     * that everyone uses; then the one whose requests cost the most over their own normal; then the
     * one that costs the most each. An incident keeps the paths it named before, and the one named
     * now may be a path everyone uses that a busy backend slowed down: after a migration, the
     * service's main path (`/`, flooded as well: 50 req/s at 530 ms each) outcost the crafted
     * `/search` already held at 0.1 req/s (218 ms), and a limit on `/` refused 44 % of its clients.
     */
    static SuspectedPath costliest(List<SuspectedPath> paths) {
        SuspectedPath best = paths.get(0);
        for (SuspectedPath p : paths) {
            if (moreSuspect(p, best)) {
                best = p;
            }
        }
        return best;
    }

    private static boolean moreSuspect(SuspectedPath a, SuspectedPath b) {
        if (a.hadNoNormalTraffic() != b.hadNoNormalTraffic()) {
            return a.hadNoNormalTraffic();
        }
        if (a.baselineMeanBackendMillis() > 0 && b.baselineMeanBackendMillis() > 0) {
            double riseA = a.meanBackendMillis() / a.baselineMeanBackendMillis();
            double riseB = b.meanBackendMillis() / b.baselineMeanBackendMillis();
            if (riseA != riseB) {
                return riseA > riseB; // a busy backend slows every path; crafted requests rise the most
            }
        }
        return a.meanBackendMillis() > b.meanBackendMillis();
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
