package org.vmshield.controller.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.InFlightAction;
import org.vmshield.brain.model.IncidentChange;
import org.vmshield.brain.model.WeightSetting;
import org.vmshield.controller.config.VmDecl;
import org.vmshield.controller.journal.Journal;

/**
 * What the controller has changed and must remember: filter rules and weights in force, changes
 * that de-escalation may undo, actions in flight, each VM's migration times, and the declaration
 * of every VM it manages (configured ones and those it started later; kept in memory only).
 *
 * <p>Rules, weights and changes are written through to the journal's control table, so that a
 * restarted controller re-applies them ({@link #load}). Thread-safe: the control loop reads it
 * while actuator threads update it.
 */
public final class ControlState {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULE = "rule:";
    private static final String WEIGHT = "weight:";
    private static final String CHANGE = "change:";

    private final Journal journal;
    private final Map<String, FilterRule> rules = new LinkedHashMap<>();
    private final Map<String, WeightSetting> weights = new LinkedHashMap<>();
    private final Map<String, IncidentChange> changes = new LinkedHashMap<>();
    private final Map<String, InFlightAction> inFlight = new LinkedHashMap<>();
    private final Map<String, List<Long>> migrationTimes = new LinkedHashMap<>();
    private final Map<String, VmDecl> vms = new LinkedHashMap<>();

    /** Creates an empty state that writes through to {@code journal} (null: remembers nothing). */
    public ControlState(Journal journal) {
        this.journal = journal;
    }

    /** Loads the rules, weights and changes the journal holds. */
    public synchronized void load() {
        if (journal == null) {
            return;
        }
        try {
            for (String v : journal.controlEntries(RULE).values()) {
                FilterRule r = JSON.readValue(v, FilterRule.class);
                rules.put(r.id(), r);
            }
            for (String v : journal.controlEntries(WEIGHT).values()) {
                WeightSetting w = JSON.readValue(v, WeightSetting.class);
                weights.put(weightKey(w.pool(), w.backendId()), w);
            }
            for (String v : journal.controlEntries(CHANGE).values()) {
                IncidentChange c = JSON.readValue(v, IncidentChange.class);
                changes.put(changeKey(c), c);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("journal control state unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /** Records a rule as in force (replacing one with the same id). */
    public synchronized void putRule(FilterRule rule) {
        rules.put(rule.id(), rule);
        persist(RULE + rule.id(), rule);
    }

    /** Forgets a rule. */
    public synchronized void removeRule(String id) {
        rules.remove(id);
        unpersist(RULE + id);
    }

    /** Returns the rule with that id, if in force. */
    public synchronized Optional<FilterRule> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** Returns the rules in force. */
    public synchronized List<FilterRule> rules() {
        return List.copyOf(rules.values());
    }

    /** Records a weight; a weight back at its original value is forgotten. */
    public synchronized void putWeight(WeightSetting w) {
        String key = weightKey(w.pool(), w.backendId());
        WeightSetting before = weights.get(key);
        int original = before != null ? before.originalWeight() : w.originalWeight();
        if (w.weight() == original) {
            weights.remove(key);
            unpersist(WEIGHT + key);
            return;
        }
        WeightSetting s = new WeightSetting(w.pool(), w.backendId(), w.weight(), original, w.incidentId());
        weights.put(key, s);
        persist(WEIGHT + key, s);
    }

    /** Forgets the weights of a backend that is gone. */
    public synchronized void removeWeight(String pool, String backendId) {
        String key = weightKey(pool, backendId);
        if (weights.remove(key) != null) {
            unpersist(WEIGHT + key);
        }
    }

    /** Returns the weights the controller changed. */
    public synchronized List<WeightSetting> weights() {
        return List.copyOf(weights.values());
    }

    /** Records a change de-escalation may undo. */
    public synchronized void addChange(IncidentChange c) {
        changes.put(changeKey(c), c);
        persist(CHANGE + changeKey(c), c);
    }

    /** Forgets every change about {@code vm} of the given kind. */
    public synchronized void removeChanges(String vm, org.vmshield.brain.model.ChangeKind kind) {
        for (IncidentChange c : List.copyOf(changes.values())) {
            if (c.vm().equals(vm) && c.kind() == kind) {
                changes.remove(changeKey(c));
                unpersist(CHANGE + changeKey(c));
            }
        }
    }

    /** Returns the changes de-escalation may undo. */
    public synchronized List<IncidentChange> changes() {
        return List.copyOf(changes.values());
    }

    /** Marks an action as in flight; refused when the VM already has one. */
    public synchronized boolean begin(InFlightAction a) {
        for (InFlightAction other : inFlight.values()) {
            if (other.vm().equals(a.vm())) {
                return false;
            }
        }
        inFlight.put(a.actionId(), a);
        return true;
    }

    /** Marks an action as ended. */
    public synchronized void end(String actionId) {
        inFlight.remove(actionId);
    }

    /** Returns the actions in flight. */
    public synchronized List<InFlightAction> inFlight() {
        return List.copyOf(inFlight.values());
    }

    /** Records that a migration of {@code vm} started at {@code atMillis}. */
    public synchronized void recordMigration(String vm, long atMillis) {
        migrationTimes.computeIfAbsent(vm, k -> new ArrayList<>()).add(atMillis);
    }

    /** Returns the start times of the VM's migrations, oldest first. */
    public synchronized List<Long> migrationTimes(String vm) {
        return List.copyOf(migrationTimes.getOrDefault(vm, List.of()));
    }

    /** Records the declaration of a VM the controller manages. */
    public synchronized void putVm(VmDecl vm) {
        vms.put(vm.name(), vm);
    }

    /** Forgets a VM that was stopped. */
    public synchronized void removeVm(String name) {
        vms.remove(name);
    }

    /** Returns the declaration of a VM the controller manages, if any. */
    public synchronized Optional<VmDecl> vm(String name) {
        return Optional.ofNullable(vms.get(name));
    }

    /** Returns the declarations of the VMs the controller manages. */
    public synchronized List<VmDecl> vms() {
        return List.copyOf(vms.values());
    }

    private void persist(String key, Object value) {
        if (journal == null) {
            return;
        }
        try {
            journal.putControl(key, JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + key + ": " + e.getOriginalMessage(), e);
        }
    }

    private void unpersist(String key) {
        if (journal != null) {
            journal.removeControl(key);
        }
    }

    private static String weightKey(String pool, String backend) {
        return pool + "/" + backend;
    }

    private static String changeKey(IncidentChange c) {
        return c.incidentId() + "/" + c.kind() + "/" + c.vm();
    }
}
