/**
 * Sensing: {@link org.vmshield.controller.telemetry.TelemetryCollector} takes one telemetry
 * snapshot per tick from the balancer and the hypervisor.
 */
package org.vmshield.controller.telemetry;
