package org.vmshield.controller;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vmshield.brain.BrainTick;
import org.vmshield.brain.incident.Evidence;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.plan.Action;
import org.vmshield.brain.plan.DecisionEntry;
import org.vmshield.brain.plan.Plan;
import org.vmshield.controller.journal.Journal;

/**
 * Journals what a brain tick saw and decided, without repeating itself: an incident when it opens,
 * changes state or resolves; a decision when what was chosen for an incident changes or when it
 * comes with actions; in dry-run, each planned action once.
 */
final class TickJournal {
    private static final int MAX_REMEMBERED = 10_000;
    private final Journal journal;
    private final Map<String, String> incidentStates = new HashMap<>();
    private final Map<String, String> lastChosen = new HashMap<>();
    private final Set<String> planned = new LinkedHashSet<>();

    TickJournal(Journal journal) {
        this.journal = journal;
    }

    void incidents(BrainTick tick) {
        for (Incident i : tick.detection().active()) {
            record(i, tick.atMillis());
        }
        for (Incident i : tick.detection().resolved()) {
            record(i, tick.atMillis());
            incidentStates.remove(i.id());
            lastChosen.remove(i.id());
        }
    }

    private void record(Incident i, long now) {
        String state = i.state().name();
        if (!state.equals(incidentStates.get(i.id()))) {
            incidentStates.put(i.id(), state);
            journal.recordIncident(i.id(), i.kind().name(), state, now, evidence(i));
        }
    }

    void decisions(BrainTick tick) {
        Set<String> withActions = new java.util.HashSet<>();
        for (Plan p : tick.plans()) {
            if (!p.actions().isEmpty()) {
                withActions.add(p.incidentId());
            }
        }
        for (DecisionEntry e : tick.log()) {
            String key = e.incidentId();
            boolean changed = !e.chosen().equals(lastChosen.get(key));
            if (changed || withActions.contains(key)) {
                lastChosen.put(key, e.chosen());
                journal.recordDecision(key.isEmpty() ? "-" : key, tick.atMillis(), e.render());
            }
        }
        if (lastChosen.size() > MAX_REMEMBERED) {
            lastChosen.clear();
        }
    }

    /** Journals a planned action once (dry-run); returns true when it was new. */
    boolean planned(Action a, long now) {
        if (!planned.add(a.describe())) {
            return false;
        }
        if (planned.size() > MAX_REMEMBERED) {
            planned.clear();
        }
        journal.recordNote(now, "planned", a.incidentId().isEmpty() ? "-" : a.incidentId(), "dry-run",
                a.describe() + " | why: " + a.reason() + " | expected: " + a.predictedEffect());
        return true;
    }

    static String evidence(Incident i) {
        StringBuilder b = new StringBuilder();
        b.append("target ").append(i.target().key()).append(", severity ").append(i.severity())
                .append(", confidence ").append(String.format(Locale.ROOT, "%.2f", i.confidence()));
        List<Evidence> ev = i.evidence();
        for (Evidence e : ev) {
            b.append("; ").append(e.signal()).append(String.format(Locale.ROOT, " %.1f %s (threshold %.1f)",
                    e.observed(), e.unit(), e.threshold()));
        }
        return b.toString();
    }
}
