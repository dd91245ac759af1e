package org.vmshield.controller.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.controller.journal.ActionRecord;
import org.vmshield.controller.journal.ActionStatus;
import org.vmshield.controller.journal.Journal;
import org.vmshield.hypervisor.Hypervisor;
import org.vmshield.hypervisor.VmInfo;
import org.vmshield.hypervisor.VmState;

/**
 * Settles the actions a previous controller left in flight, by asking the hypervisor what became
 * of them: a migration whose VM is on its target is recorded as completed, one whose VM is on its
 * source as rolled back (a migration still running is cancelled first); a version switch whose
 * new VM serves while the old one is gone is completed, one where both run is rolled back by
 * stopping the new VM. A balancer change left in flight was never verified: it is recorded as
 * failed, and the brain plans it again if it is still needed.
 */
public final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Journal journal;
    private final Hypervisor hypervisor;
    private final LongSupplier clock;

    /** Creates a reconciler over the journal and the hypervisor. */
    public Reconciler(Journal journal, Hypervisor hypervisor, LongSupplier clockMillis) {
        this.journal = journal;
        this.hypervisor = hypervisor;
        this.clock = clockMillis;
    }

    /**
     * Settles every action in flight in the journal.
     *
     * @return one outcome per action, in the journal's order
     */
    public List<Outcome> reconcile() {
        List<Outcome> out = new ArrayList<>();
        for (ActionRecord a : journal.actionsInFlight()) {
            Outcome o;
            try {
                o = settle(a);
            } catch (RuntimeException e) {
                o = new Outcome(a.actionId(), a.kind(), ActionStatus.FAILED, "could not be inspected: " + e.getMessage());
            }
            journal.recordNote(clock.getAsLong(), "reconcile", a.actionId(), o.status().name(), o.detail());
            journal.finishAction(a.actionId(), o.status(), clock.getAsLong(), "reconciled after restart: " + o.detail());
            LOG.info("reconciled action {} ({}): {} - {}", a.actionId(), a.kind(), o.status(), o.detail());
            out.add(o);
        }
        return out;
    }

    private Outcome settle(ActionRecord a) {
        JsonNode spec;
        try {
            spec = JSON.readTree(a.specJson().isEmpty() ? "{}" : a.specJson());
        } catch (JsonProcessingException e) {
            return new Outcome(a.actionId(), a.kind(), ActionStatus.FAILED, "spec unreadable: " + e.getOriginalMessage());
        }
        return switch (a.kind()) {
            case "migrate", "migrate-back" -> migration(a, spec);
            case "switch-version" -> versionSwitch(a, spec);
            case "scale-out" -> presence(a, spec.path("newVm").asText(), true);
            case "scale-in" -> presence(a, spec.path("vm").asText(), false);
            default -> new Outcome(a.actionId(), a.kind(), ActionStatus.FAILED,
                    "interrupted before it was verified (last step '" + a.lastStep() + "'); re-planned if still needed");
        };
    }

    private Outcome migration(ActionRecord a, JsonNode spec) {
        String vm = spec.path("vm").asText();
        String from = spec.path("fromHost").asText();
        String to = spec.path("toHost").asText();
        Optional<VmInfo> now = hypervisor.inspect(vm);
        if (now.isPresent() && now.get().state() == VmState.MIGRATING) {
            hypervisor.cancelMigration(vm);
            now = hypervisor.inspect(vm);
            if (now.isPresent() && now.get().host().equals(from)) {
                return new Outcome(a.actionId(), a.kind(), ActionStatus.ROLLED_BACK,
                        "migration of " + vm + " was still running: cancelled, " + vm + " stays on " + from);
            }
        }
        if (now.isEmpty()) {
            return new Outcome(a.actionId(), a.kind(), ActionStatus.FAILED,
                    vm + " no longer runs (it ended with the previous controller)");
        }
        String host = now.get().host();
        if (host.equals(to)) {
            return new Outcome(a.actionId(), a.kind(), ActionStatus.SUCCEEDED,
                    "completed: the hypervisor shows " + vm + " on " + to);
        }
        if (host.equals(from)) {
            return new Outcome(a.actionId(), a.kind(), ActionStatus.ROLLED_BACK, vm + " still runs on " + from);
        }
        return new Outcome(a.actionId(), a.kind(), ActionStatus.FAILED, vm + " runs on " + host + ", neither "
                + from + " nor " + to);
    }

    private Outcome versionSwitch(ActionRecord a, JsonNode spec) {
        String old = spec.path("vm").asText();
        String fresh = spec.path("newVm").asText();
        boolean oldRuns = hypervisor.inspect(old).isPresent();
        boolean newRuns = hypervisor.inspect(fresh).isPresent();
        if (newRuns && !oldRuns) {
            return new Outcome(a.actionId(), a.kind(), ActionStatus.SUCCEEDED, "completed: " + fresh + " serves, "
                    + old + " is gone");
        }
        if (newRuns) {
            hypervisor.stop(fresh);
            return new Outcome(a.actionId(), a.kind(), ActionStatus.ROLLED_BACK, fresh + " stopped, " + old
                    + " keeps serving");
        }
        if (oldRuns) {
            return new Outcome(a.actionId(), a.kind(), ActionStatus.ROLLED_BACK, fresh + " never served, " + old
                    + " keeps serving");
        }
        return new Outcome(a.actionId(), a.kind(), ActionStatus.FAILED, "neither " + old + " nor " + fresh + " runs");
    }

    private Outcome presence(ActionRecord a, String vm, boolean wanted) {
        boolean runs = hypervisor.inspect(vm).isPresent();
        if (runs == wanted) {
            return new Outcome(a.actionId(), a.kind(), ActionStatus.SUCCEEDED, "completed: " + vm
                    + (wanted ? " runs" : " is gone"));
        }
        return new Outcome(a.actionId(), a.kind(), ActionStatus.ROLLED_BACK, vm + (runs ? " still runs" : " does not run"));
    }

    /**
     * How one action was settled.
     *
     * @param actionId the action
     * @param kind its kind
     * @param status how it is recorded now
     * @param detail what the hypervisor showed
     */
    public record Outcome(String actionId, String kind, ActionStatus status, String detail) {}
}
