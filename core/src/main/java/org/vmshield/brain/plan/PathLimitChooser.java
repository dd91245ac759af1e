package org.vmshield.brain.plan;

import java.util.Locale;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.SuspectedPath;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.RuleKind;

/**
 * Last resort against a cost attack with no known fix and no concentrated sources: rate-limit the
 * costliest path to the rate at which it would cost what it cost at its baseline per-request time.
 *
 * <p>benefit = 50 × confidence; cost = 50 × (1 − confidence) × share of its requests refused.
 */
final class PathLimitChooser {
    private final PlannerConfig config;

    PathLimitChooser(PlannerConfig config) {
        this.config = config;
    }

    void plan(Incident inc, TickLedger ledger, Draft d, long nowMillis) {
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
        double benefit = 50 * inc.confidence();
        double cost = 50 * (1 - inc.confidence()) * refused;
        String name = String.format(Locale.ROOT, "rate-limit path %s to %.0f req/s", p.path(), limit);
        d.consider(new ConsideredOption(name, true, benefit, cost, String.format(Locale.ROOT,
                "%.1f req/s at %.0f ms each (baseline %.0f ms); refuses %.0f%% of its requests", p.requestsPerSec(),
                p.meanBackendMillis(), baseline, refused * 100)));
        if (benefit <= cost) {
            d.note("path limit not worth it");
            return;
        }
        String id = FilterChooser.ruleId(inc.id(), RuleKind.RATE_LIMIT_PATH, p.path());
        FilterRule existing = ledger.cluster().rule(id).orElse(null);
        if (existing != null && existing.expiresAtMillis() - nowMillis > config.ruleTtlMillis() / 2) {
            d.note("path limit " + id + " already in force");
            return;
        }
        long expires = nowMillis + config.ruleTtlMillis();
        d.add(new AddFilterRule(new FilterRule(id, RuleKind.RATE_LIMIT_PATH, pool, p.path(), limit, inc.id(), expires),
                "cost attack on " + p.path() + " with no known fix and distributed sources",
                String.format(Locale.ROOT, "caps %s's backend time near %.0f ms/s until %d", p.path(),
                        limit * p.meanBackendMillis(), expires)));
        d.choose(name, "no known fix and no concentrated sources: bound the path's cost");
    }
}
