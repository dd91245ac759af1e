/**
 * Cuts a run into phases and aggregates each service's samples per phase. Start at
 * {@link org.vmshield.report.phase.RunSummary#of}; the cut is in
 * {@link org.vmshield.report.phase.PhaseWindows}, the latency estimate from per-second
 * percentiles in {@link org.vmshield.report.phase.LatencyMixture}.
 */
package org.vmshield.report.phase;
