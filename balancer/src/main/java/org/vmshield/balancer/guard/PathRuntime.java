package org.vmshield.balancer.guard;

import java.util.concurrent.atomic.AtomicInteger;
import org.vmshield.balancer.guard.path.PathPattern;
import org.vmshield.balancer.guard.ratelimit.SharedTokenBucket;
import org.vmshield.balancer.guard.ratelimit.SourceRateTable;
import org.vmshield.balancer.guard.rule.GuardRule;
import org.vmshield.balancer.guard.rule.PathDenyRule;
import org.vmshield.balancer.guard.rule.PathInFlightRule;
import org.vmshield.balancer.guard.rule.PathRateRule;

/** A compiled path rule: deny, rate limit (shared or per source) or in-flight cap. */
final class PathRuntime {
    enum Kind { DENY, RATE, IN_FLIGHT }

    final GuardRule rule;
    final String pool;
    final Kind kind;
    final PathPattern pattern;
    final Verdict refusal;
    final RuleCounters counters;
    final SharedTokenBucket sharedBucket;
    final SourceRateTable sourceBuckets;
    final int maxInFlight;
    final AtomicInteger inFlight = new AtomicInteger();

    PathRuntime(GuardRule rule, GuardSettings settings, RuleCounters counters) {
        this.rule = rule;
        this.counters = counters;
        if (rule instanceof PathDenyRule d) {
            kind = Kind.DENY;
            pool = d.pool();
            pattern = d.matcher();
            refusal = Verdict.refuse(d.id(), d.refuse(), 1);
            sharedBucket = null;
            sourceBuckets = null;
            maxInFlight = 0;
        } else if (rule instanceof PathRateRule r) {
            kind = Kind.RATE;
            pool = r.pool();
            pattern = r.matcher();
            refusal = Verdict.refuse(r.id(), r.refuse(), r.retryAfterSeconds());
            boolean perSource = r.perSource();
            sharedBucket = perSource ? null : new SharedTokenBucket(r.rateRps(), r.burst());
            sourceBuckets = perSource
                    ? new SourceRateTable(settings.maxTrackedSources(), r.rateRps(), r.burst(), settings.hashSeed())
                    : null;
            maxInFlight = 0;
        } else if (rule instanceof PathInFlightRule f) {
            kind = Kind.IN_FLIGHT;
            pool = f.pool();
            pattern = f.matcher();
            refusal = Verdict.refuse(f.id(), f.refuse(), f.retryAfterSeconds());
            sharedBucket = null;
            sourceBuckets = null;
            maxInFlight = f.maxInFlight();
        } else {
            throw new IllegalArgumentException("not a path rule: " + rule.type());
        }
    }

    /** Takes one in-flight place back, never going below zero (a rule added mid-request). */
    void release() {
        while (true) {
            int n = inFlight.get();
            if (n <= 0 || inFlight.compareAndSet(n, n - 1)) {
                return;
            }
        }
    }
}
