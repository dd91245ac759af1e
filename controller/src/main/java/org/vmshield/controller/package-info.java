/**
 * The controller: wires the balancer, the hypervisor, the brain and the actuator into a control
 * loop (sense, detect, plan, act), journaling every incident, decision, action and step.
 * Starting points: {@link org.vmshield.controller.Controller} (the loop),
 * {@link org.vmshield.controller.BalancerSetup} (the in-process balancer's configuration), and the
 * packages {@code config}, {@code telemetry}, {@code state}, {@code actuate}, {@code reconcile},
 * {@code journal}, {@code admin} and {@code cli}.
 */
package org.vmshield.controller;
