package org.vmshield.balancer.guard;

import org.vmshield.balancer.guard.ratelimit.SourceCountTable;
import org.vmshield.balancer.guard.rule.SourceConnectionLimitRule;

/** A compiled per-source connection cap with its counters of open connections. */
final class ConnectionLimitRuntime {
    final SourceConnectionLimitRule rule;
    final long max;
    final SourceCountTable open;
    final Verdict refusal;
    final RuleCounters counters;

    ConnectionLimitRuntime(SourceConnectionLimitRule rule, SourceCountTable open, RuleCounters counters) {
        this.rule = rule;
        this.max = rule.maxConnections();
        this.open = open;
        this.refusal = Verdict.refuse(rule.id(), rule.refuse(), 1);
        this.counters = counters;
    }
}
