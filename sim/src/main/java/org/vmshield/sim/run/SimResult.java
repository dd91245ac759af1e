package org.vmshield.sim.run;

import java.util.List;
import java.util.Map;

/**
 * What a simulation run measured.
 *
 * @param scenario scenario name
 * @param seed random seed
 * @param mitigation whether the brain's plans were carried out
 * @param simulatedSeconds simulated time
 * @param hosts hosts
 * @param vmsAtStart VMs at the start
 * @param vmsAtEnd VMs at the end
 * @param services services
 * @param ticks brain ticks run
 * @param events discrete events run (ticks, migration rounds, boots, drains)
 * @param wallMillis wall time the run took
 * @param brainWallMillis of that, wall time in the brain (cluster state, detectors, planner)
 * @param groups legitimate traffic per service (or group of services) and phase
 * @param detections one entry per attack: when it was detected
 * @param incidentsOpened incidents opened, by kind
 * @param actions actions carried out, by kind (planned ones when mitigation is off)
 * @param rejectedActions actions that could not be carried out in the model (e.g. VM gone)
 * @param migrations migration figures
 */
public record SimResult(
        String scenario,
        long seed,
        boolean mitigation,
        double simulatedSeconds,
        int hosts,
        int vmsAtStart,
        int vmsAtEnd,
        int services,
        long ticks,
        long events,
        long wallMillis,
        long brainWallMillis,
        List<GroupPhase> groups,
        List<Detection> detections,
        Map<String, Integer> incidentsOpened,
        Map<String, Integer> actions,
        int rejectedActions,
        MigrationStats migrations) {

    /**
     * Legitimate traffic of one service (or group) in one phase.
     *
     * @param group service name, or {@code attacked}, {@code critical}, {@code others}, {@code all}
     * @param phase {@code before} (first attack), {@code attack} (some attack on), {@code after}
     * @param legitRequests legitimate requests offered
     * @param successRate share of them answered in time
     * @param meanLatencyMillis mean latency of those answered
     */
    public record GroupPhase(String group, String phase, long legitRequests, double successRate, double meanLatencyMillis) {}

    /**
     * An attack and its detection.
     *
     * @param attack index in the scenario
     * @param kind attack kind
     * @param target first target service
     * @param startSeconds when it started
     * @param detectedAfterMillis from its start to the first incident on its target; -1 when never
     * @param incidentKind kind of that first incident; empty when none
     */
    public record Detection(int attack, String kind, String target, double startSeconds, long detectedAfterMillis,
            String incidentKind) {}

    /**
     * Migrations carried out.
     *
     * @param started started
     * @param completed finished
     * @param failed abandoned (did not converge within the rounds or the completion timeout)
     * @param totalSeconds sum of their durations
     * @param meanSeconds mean duration
     * @param totalDowntimeMillis sum of their downtimes
     * @param maxDowntimeMillis largest downtime
     * @param sentMiB memory sent in all
     */
    public record MigrationStats(int started, int completed, int failed, double totalSeconds, double meanSeconds,
            double totalDowntimeMillis, double maxDowntimeMillis, double sentMiB) {}

    /** Returns the figures of one group and phase, if measured. */
    public java.util.Optional<GroupPhase> group(String group, String phase) {
        return groups.stream().filter(g -> g.group().equals(group) && g.phase().equals(phase)).findFirst();
    }

    /** Returns the events run per second of wall time. */
    public double eventsPerSecond() {
        return wallMillis > 0 ? events * 1000.0 / wallMillis : 0;
    }
}
