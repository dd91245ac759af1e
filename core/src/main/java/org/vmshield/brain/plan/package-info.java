/**
 * The mitigation planner: actions (filter rules, weights, backend states, live migration,
 * version switch, scale out/in, migrate back), plans, the cost and benefit rules that choose
 * them, the migration limits against thrashing, de-escalation, and the decision log.
 * Start at {@link org.vmshield.brain.plan.Planner}; see docs/planner.md.
 */
package org.vmshield.brain.plan;
