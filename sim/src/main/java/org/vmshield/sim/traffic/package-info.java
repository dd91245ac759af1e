/**
 * Traffic: legitimate clients, attacks and flash crowds per service, the balancer's filter rules
 * applied to them, the admitted requests spread over the pool's backends as CPU demand, and what
 * the balancer's source summaries show of them ({@code SourceView}, {@code SourceWindow}: the
 * recent-source window and the new sources).
 * Start at {@link org.vmshield.sim.traffic.TrafficModel}.
 */
package org.vmshield.sim.traffic;
