/**
 * Attack telemetry sketches of a pool, cheap enough to leave on: per-source heavy hitters,
 * distinct and new sources, per-path top-k. Start at
 * {@link org.vmshield.balancer.telemetry.SourceTelemetry} and
 * {@link org.vmshield.balancer.telemetry.PathTelemetry}.
 */
package org.vmshield.balancer.telemetry;
