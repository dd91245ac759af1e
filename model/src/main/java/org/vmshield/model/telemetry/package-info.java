/**
 * Telemetry snapshots: what the balancer and the hypervisor report once per tick, and what
 * the brain reads. Immutable records; rates are per second over the snapshot's interval.
 * Start at {@link org.vmshield.model.telemetry.TelemetrySnapshot}.
 */
package org.vmshield.model.telemetry;
