package org.vmshield.report.phase;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmshield.report.model.Phase;
import org.vmshield.report.model.PhaseStats;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.model.ServiceSecond;

/**
 * Holds the effective stats of every service in every phase of a run: the caller's exact aggregates
 * where given, else estimates from the per-second samples, else {@link PhaseStats#EMPTY} (a phase that
 * did not happen, or had no request).
 *
 * @param windows the phases' windows
 * @param stats   per service (display order), per phase (all four always present)
 */
public record RunSummary(PhaseWindows windows, Map<String, Map<Phase, PhaseStats>> stats) {

    /** Copies the stats. */
    public RunSummary {
        Map<String, Map<Phase, PhaseStats>> copy = new LinkedHashMap<>();
        stats.forEach((service, byPhase) -> copy.put(service, Collections.unmodifiableMap(new EnumMap<>(byPhase))));
        stats = Collections.unmodifiableMap(copy);
    }

    /** Returns the summary of {@code run}. */
    public static RunSummary of(RunRecord run) {
        PhaseWindows windows = PhaseWindows.of(run);
        Map<String, Map<Phase, PhaseStats>> stats = new LinkedHashMap<>();
        run.services().forEach((service, samples) -> {
            Map<Phase, PhaseStats> byPhase = new EnumMap<>(Phase.class);
            for (Phase phase : Phase.values()) {
                byPhase.put(phase, statsOf(run, windows, service, samples, phase));
            }
            stats.put(service, byPhase);
        });
        return new RunSummary(windows, stats);
    }

    /** Returns the stats of {@code service} in {@code phase}. */
    public PhaseStats stats(String service, Phase phase) {
        Map<Phase, PhaseStats> byPhase = stats.get(service);
        if (byPhase == null) {
            throw new IllegalArgumentException("service: " + service + " (expected: one of " + stats.keySet() + ")");
        }
        return byPhase.get(phase);
    }

    private static PhaseStats statsOf(
            RunRecord run, PhaseWindows windows, String service, List<ServiceSecond> samples, Phase phase) {
        return run.exactPhase(service, phase)
                .orElseGet(() -> windows.window(phase)
                        .map(window -> PhaseAggregator.aggregate(samples, window))
                        .orElse(PhaseStats.EMPTY));
    }
}
