package org.vmshield.report.phase;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.vmshield.report.model.EventKind;
import org.vmshield.report.model.Phase;
import org.vmshield.report.model.RunEvent;
import org.vmshield.report.model.RunRecord;

/**
 * Cuts a run into its phases:
 * <ul>
 *   <li>{@code before}: [0, attack onset)</li>
 *   <li>{@code attack}: [attack onset, attack end)</li>
 *   <li>{@code mitigated}: [end of the first mitigation action, attack end), where that end is the first
 *       {@link EventKind#ACTION_FINISHED} event at or after onset; absent when no action finished before the
 *       attack ended (a run without mitigation, or one whose mitigation came too late)</li>
 *   <li>{@code after}: [attack end, end of run)</li>
 * </ul>
 *
 * @param windows the window of each phase that happened
 */
public record PhaseWindows(Map<Phase, TimeWindow> windows) {

    /** Copies the windows. */
    public PhaseWindows {
        windows = Collections.unmodifiableMap(new EnumMap<>(windows));
    }

    /** Returns the phases of {@code run}. */
    public static PhaseWindows of(RunRecord run) {
        Map<Phase, TimeWindow> windows = new EnumMap<>(Phase.class);
        windows.put(Phase.BEFORE, new TimeWindow(0, run.attackOnsetMs()));
        windows.put(Phase.ATTACK, new TimeWindow(run.attackOnsetMs(), run.attackEndMs()));
        firstMitigationEndMs(run).ifPresent(startMs -> {
            if (startMs < run.attackEndMs()) {
                windows.put(Phase.MITIGATED, new TimeWindow(startMs, run.attackEndMs()));
            }
        });
        windows.put(Phase.AFTER, new TimeWindow(run.attackEndMs(), run.durationMs()));
        return new PhaseWindows(windows);
    }

    /** Returns when the first mitigation action finished at or after the onset, if one did. */
    public static OptionalLong firstMitigationEndMs(RunRecord run) {
        for (RunEvent event : run.events()) {
            if (event.kind() == EventKind.ACTION_FINISHED && event.atMs() >= run.attackOnsetMs()) {
                return OptionalLong.of(event.atMs());
            }
        }
        return OptionalLong.empty();
    }

    /** Returns the window of {@code phase}, empty when the phase did not happen. */
    public Optional<TimeWindow> window(Phase phase) {
        return Optional.ofNullable(windows.get(phase));
    }
}
