package org.vmshield.balancer.guard;

import org.vmshield.balancer.guard.ratelimit.SourceRateTable;
import org.vmshield.balancer.guard.rule.GuardRule;

/** A compiled per-source token-bucket rule (requests or new connections) with its buckets. */
final class SourceRateRuntime {
    final GuardRule rule;
    final SourceRateTable buckets;
    final Verdict refusal;
    final RuleCounters counters;

    SourceRateRuntime(GuardRule rule, SourceRateTable buckets, Verdict refusal, RuleCounters counters) {
        this.rule = rule;
        this.buckets = buckets;
        this.refusal = refusal;
        this.counters = counters;
    }
}
