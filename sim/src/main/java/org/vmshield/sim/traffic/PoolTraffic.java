package org.vmshield.sim.traffic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.RuleKind;
import org.vmshield.sim.scenario.PathSpec;
import org.vmshield.sim.world.SimService;
import org.vmshield.sim.world.SimVm;

/**
 * One service's traffic in one tick: its source groups, the filter rules applied to them, the
 * admitted rate per path, and the split over the pool's backends. Reused from tick to tick.
 */
public final class PoolTraffic {
    public final SimService service;
    public final List<SourceGroup> groups = new ArrayList<>();
    /** What the balancer has seen of the groups over time (kept from tick to tick). */
    final SourceWindow window = new SourceWindow();
    /** Admitted legitimate requests per path. */
    public final double[] legitPath;
    /** Admitted attack requests per path that cost what legitimate ones cost. */
    public final double[] plainPath;
    /** Admitted crafted requests per path. */
    public final double[] craftedPath;
    /** Refused requests per path. */
    public final double[] refusedPath;
    /** Requests refused per rule id. */
    public final Map<String, Double> refusedByRule = new LinkedHashMap<>();
    public double legitOffered;
    public double legitAdmitted;
    public double attackOffered;
    public double attackAdmitted;
    /** Admitted requests that found no backend to take them (all failed). */
    public double unservedRps;
    public double legitUnservedRps;
    public double weightSum;

    PoolTraffic(SimService service) {
        this.service = service;
        int n = service.paths.size();
        legitPath = new double[n];
        plainPath = new double[n];
        craftedPath = new double[n];
        refusedPath = new double[n];
    }

    void reset() {
        groups.clear();
        refusedByRule.clear();
        java.util.Arrays.fill(legitPath, 0);
        java.util.Arrays.fill(plainPath, 0);
        java.util.Arrays.fill(craftedPath, 0);
        java.util.Arrays.fill(refusedPath, 0);
        legitOffered = legitAdmitted = attackOffered = attackAdmitted = unservedRps = legitUnservedRps = weightSum = 0;
    }

    /** Applies the pool's rules to its groups, fills the per-path rates and the backends' load. */
    void settle(List<FilterRule> rules) {
        List<PathSpec> paths = service.paths;
        for (FilterRule r : rules) {
            switch (r.kind()) {
                case BLOCK_SOURCE, RATE_LIMIT_SOURCE -> {
                    for (SourceGroup g : groups) {
                        int i = g.indexOf(r.match());
                        if (i >= 0) {
                            if (r.kind() == RuleKind.BLOCK_SOURCE) {
                                g.blocked.add(i);
                                refusedByRule.merge(r.id(), g.rpsEach, Double::sum);
                            } else {
                                g.limited.merge(i, r.limit(), Math::min);
                                refusedByRule.merge(r.id(), Math.max(0, g.rpsEach - r.limit()), Double::sum);
                            }
                        }
                    }
                }
                default -> { } // path limits below; connection limits do not touch request rates here
            }
        }
        for (SourceGroup g : groups) {
            g.applyRules();
            double refused = g.offeredRps - g.admittedRps;
            if (g.legit) {
                legitOffered += g.offeredRps;
                for (int p = 0; p < paths.size(); p++) {
                    legitPath[p] += g.admittedRps * paths.get(p).share();
                    refusedPath[p] += refused * paths.get(p).share();
                }
            } else {
                attackOffered += g.offeredRps;
                (g.crafted ? craftedPath : plainPath)[g.pathIndex] += g.admittedRps;
                refusedPath[g.pathIndex] += refused;
            }
        }
        for (FilterRule r : rules) {
            int p = pathIndex(r.match());
            if (p >= 0 && (r.kind() == RuleKind.RATE_LIMIT_PATH || r.kind() == RuleKind.IN_FLIGHT_LIMIT_PATH)) {
                // a cap of N requests in flight admits about N per request time; the simulator takes the
                // crafted request's time (the cap binds when the path is attacked)
                double limit = r.kind() == RuleKind.RATE_LIMIT_PATH ? r.limit()
                        : r.limit() * 1000 / Math.max(1, paths.get(p).craftedCostMillis());
                double total = legitPath[p] + plainPath[p] + craftedPath[p];
                if (total > limit) {
                    double f = total > 0 ? limit / total : 1;
                    double cut = total - limit;
                    legitPath[p] *= f;
                    plainPath[p] *= f;
                    craftedPath[p] *= f;
                    refusedPath[p] += cut;
                    refusedByRule.merge(r.id(), cut, Double::sum);
                }
            }
        }
        for (int p = 0; p < paths.size(); p++) {
            legitAdmitted += legitPath[p];
            attackAdmitted += plainPath[p] + craftedPath[p];
        }
        spread();
    }

    /** Spreads the admitted requests over the backends that take traffic, by weight. */
    private void spread() {
        List<PathSpec> paths = service.paths;
        for (SimVm v : service.vms) {
            if (v.takesTraffic()) {
                weightSum += v.weight;
            }
        }
        double total = legitAdmitted + attackAdmitted;
        if (weightSum <= 0) {
            unservedRps = total;
            legitUnservedRps = legitAdmitted;
            return;
        }
        for (SimVm v : service.vms) {
            if (!v.takesTraffic()) {
                continue;
            }
            double share = v.weight / weightSum;
            double work = 0;
            for (int p = 0; p < paths.size(); p++) {
                PathSpec ps = paths.get(p);
                double crafted = service.isVulnerable(v.version, ps.path()) ? ps.craftedCostMillis() : ps.costMillis();
                work += (legitPath[p] + plainPath[p]) * ps.costMillis() + craftedPath[p] * crafted;
            }
            v.arrivalsRps = total * share;
            v.legitArrivalsRps = legitAdmitted * share;
            v.workCoresDemand = work * share / 1000.0;
        }
    }

    /** Returns the index of a path of the service, or -1. */
    public int pathIndex(String path) {
        for (int i = 0; i < service.paths.size(); i++) {
            if (service.paths.get(i).path().equals(path)) {
                return i;
            }
        }
        return -1;
    }
}
