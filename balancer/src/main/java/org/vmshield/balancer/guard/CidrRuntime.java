package org.vmshield.balancer.guard;

import org.vmshield.balancer.guard.rule.CidrRule;

/** A compiled CIDR rule: its preallocated refusal and counters. */
final class CidrRuntime {
    final CidrRule rule;
    final boolean allows;
    final Verdict refusal;
    final RuleCounters counters;

    CidrRuntime(CidrRule rule, RuleCounters counters) {
        this.rule = rule;
        this.allows = rule.allows();
        this.refusal = allows ? Verdict.ALLOW : Verdict.refuse(rule.id(), rule.refuse(), 0);
        this.counters = counters;
    }
}
