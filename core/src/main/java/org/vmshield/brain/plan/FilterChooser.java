package org.vmshield.brain.plan;

import java.util.List;
import java.util.Locale;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.brain.incident.SourceSpread;
import org.vmshield.brain.incident.SuspectedSource;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.RuleKind;

/**
 * Filters the suspected sources when they are concentrated and a wrong block costs little.
 *
 * <p>benefit = 100 × share of the pool they carry × confidence; cost (of being wrong) = 100 ×
 * share × (1 − confidence) × harm, harm 1 for a block, 0.3 for a rate limit, 0.2 for a connection
 * limit (an honest source only slows down). Never for a flash crowd.
 */
final class FilterChooser {
    private final PlannerConfig config;

    FilterChooser(PlannerConfig config) {
        this.config = config;
    }

    /** Returns true when the incident's sources are (now) filtered, by new rules or rules in force. */
    boolean plan(Incident inc, TickLedger ledger, Draft d, long nowMillis) {
        String name = "filter sources";
        if (inc.kind() == IncidentKind.FLASH_CROWD) {
            d.consider(ConsideredOption.infeasible(name,
                    "flash crowd: many new sources at normal rates; a block would refuse legitimate clients"));
            return false;
        }
        String pool = Targets.pool(inc, ledger.cluster());
        if (pool.isEmpty()) {
            d.consider(ConsideredOption.infeasible(name, "no pool known for target " + inc.target()));
            return false;
        }
        // Sources that hold connections without sending requests (slowloris, a connection flood)
        // get a per-source connection limit, far above what a legitimate client holds (a browser
        // keeps about 6): safe however many they are and whatever share of the pool they hold
        // (measured in the demo: 20 slowloris or 30 connection-flood sources were never filtered
        // because no ten of them held half the pool's connections, and replicas were added instead,
        // which does nothing against connections held at the balancer).
        boolean connectionLimit = inc.kind() == IncidentKind.CONNECTION_EXHAUSTION
                || holdConnectionsWithoutRequests(inc.sources());
        if ((inc.sourceSpread() != SourceSpread.CONCENTRATED && !connectionLimit) || inc.sources().isEmpty()) {
            d.consider(ConsideredOption.infeasible(name, "sources " + inc.sourceSpread().name().toLowerCase(Locale.ROOT)
                    + " (" + inc.sources().size() + " suspected)"));
            return false;
        }
        List<SuspectedSource> sources = inc.sources().subList(0, Math.min(inc.sources().size(), config.maxRulesPerIncident()));
        double share = 0;
        for (SuspectedSource s : sources) {
            share += s.shareOfPool();
        }
        share = Math.min(1, share);
        if (!connectionLimit && share < config.minFilterShare()) {
            d.consider(ConsideredOption.infeasible(name, String.format(Locale.ROOT,
                    "%d suspected sources carry %.0f%% of the pool (need %.0f%%)", sources.size(), share * 100,
                    config.minFilterShare() * 100)));
            return false;
        }
        RuleKind kind;
        double harm;
        double limit;
        if (connectionLimit) {
            kind = RuleKind.CONNECTION_LIMIT_SOURCE;
            harm = 0.2;
            limit = config.sourceConnectionLimit();
        } else if (inc.confidence() >= config.blockConfidence()) {
            kind = RuleKind.BLOCK_SOURCE;
            harm = 1;
            limit = 0;
        } else {
            kind = RuleKind.RATE_LIMIT_SOURCE;
            harm = 0.3;
            limit = config.sourceRateLimitRps();
        }
        double benefit = 100 * share * inc.confidence();
        double cost = 100 * share * (1 - inc.confidence()) * harm;
        String optionName = name + " (" + kind + " x" + sources.size() + ")";
        String note = String.format(Locale.ROOT, "%d sources carry %.0f%% of pool %s, confidence %.2f",
                sources.size(), share * 100, pool, inc.confidence());
        d.consider(new ConsideredOption(optionName, true, benefit, cost, note));
        if (benefit <= cost) {
            d.note("filtering not worth it: a wrong " + kind + " would cost more than it saves");
            return false;
        }
        int added = 0;
        int inForce = 0;
        long expires = nowMillis + config.ruleTtlMillis();
        for (SuspectedSource s : sources) {
            String id = ruleId(inc.id(), kind, s.address());
            FilterRule existing = ledger.cluster().rule(id).orElse(null);
            if (existing != null && existing.expiresAtMillis() - nowMillis > config.ruleTtlMillis() / 2) {
                inForce++;
                continue;
            }
            FilterRule rule = new FilterRule(id, kind, pool, s.address(), limit, inc.id(), expires);
            d.add(new AddFilterRule(rule,
                    s.address() + " sends " + Fmt.d0(s.requestsPerSec()) + " req/s (" + Fmt.pct(s.shareOfPool())
                            + " of pool " + pool + "), " + s.openConnections() + " connections (" + s.idleConnections()
                            + " idle)",
                    "removes up to " + Fmt.d0(s.requestsPerSec()) + " req/s from pool " + pool + " until " + expires
                            + (existing != null ? " (TTL refreshed)" : "")));
            added++;
        }
        if (added > 0) {
            d.choose(optionName, String.format(Locale.ROOT,
                    "sources concentrated and a wrong %s costs little (score %.1f); %d rules added or refreshed, %d in force",
                    kind, benefit - cost, added, inForce));
        } else {
            d.note("all " + inForce + " source rules already in force");
        }
        return true;
    }

    /** Returns true when every source holds more connections than the limit and sends (almost) no requests. */
    private boolean holdConnectionsWithoutRequests(List<SuspectedSource> sources) {
        for (SuspectedSource s : sources) {
            if (s.openConnections() <= config.sourceConnectionLimit() || s.requestsPerSec() >= 1) {
                return false;
            }
        }
        return !sources.isEmpty();
    }

    /** Returns the deterministic id of the rule an incident installs against one match. */
    static String ruleId(String incidentId, RuleKind kind, String match) {
        return incidentId + "/" + kind.name() + "/" + match;
    }
}
