/**
 * Incidents: what the detectors found, with the numbers behind it, and its life
 * ({@code OPEN -> MITIGATING -> RESOLVED}) with hysteresis so that it does not flap.
 * Start at {@link org.vmshield.brain.incident.Incident} (the record the planner reads),
 * {@link org.vmshield.brain.incident.Finding} (what a detector reports per tick) and
 * {@link org.vmshield.brain.incident.IncidentLifecycle} (findings to incidents).
 */
package org.vmshield.brain.incident;
