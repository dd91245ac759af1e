/**
 * What the controller knows and has changed: {@link org.vmshield.controller.state.ControlState}
 * (rules, weights, changes, actions in flight, written through to the journal),
 * {@link org.vmshield.controller.state.ClusterStateBuilder} (the brain's cluster model for one
 * tick) and {@link org.vmshield.controller.state.RuleMapper} (brain rules to balancer guard rules).
 */
package org.vmshield.controller.state;
