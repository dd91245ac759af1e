/**
 * Traffic: legitimate clients, attacks and flash crowds per service, the balancer's filter rules
 * applied to them, and the admitted requests spread over the pool's backends as CPU demand.
 * Start at {@link org.vmshield.sim.traffic.TrafficModel}.
 */
package org.vmshield.sim.traffic;
