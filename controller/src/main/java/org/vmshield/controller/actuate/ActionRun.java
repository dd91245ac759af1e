package org.vmshield.controller.actuate;

import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.controller.journal.ActionStatus;
import org.vmshield.controller.journal.Journal;

/**
 * One action being executed: journals its steps and its end, and holds what the admin API shows
 * of it. Steps are journaled by the thread that runs the action; the progress percentage may be
 * set from a driver thread.
 */
final class ActionRun {
    private static final Logger LOG = LoggerFactory.getLogger(ActionRun.class);

    final String actionId;
    final String kind;
    final String description;
    final String incidentId;
    final long startedMillis;
    private final Journal journal;
    private final LongSupplier clock;
    private volatile String status = "RUNNING";
    private volatile String lastStep = "";
    private volatile String detail = "";
    private volatile int percent = -1;
    private volatile long endedMillis;

    ActionRun(String actionId, String kind, String description, String incidentId, Journal journal, LongSupplier clock) {
        this.actionId = actionId;
        this.kind = kind;
        this.description = description;
        this.incidentId = incidentId;
        this.journal = journal;
        this.clock = clock;
        this.startedMillis = clock.getAsLong();
    }

    /** Records a step done. */
    void step(String name, String stepDetail) {
        lastStep = name;
        detail = stepDetail;
        journal.recordStep(actionId, name, clock.getAsLong(), stepDetail);
        LOG.info("action {} {}: {} {}", actionId, kind, name, stepDetail);
    }

    void progress(int value) {
        percent = Math.max(0, Math.min(100, value));
    }

    /** Records how the action ended. */
    void finish(ActionStatus end, String endDetail) {
        endedMillis = clock.getAsLong();
        status = end.name();
        detail = endDetail;
        journal.finishAction(actionId, end, endedMillis, endDetail);
        if (end == ActionStatus.SUCCEEDED) {
            LOG.info("action {} {} succeeded: {}", actionId, kind, endDetail);
        } else {
            LOG.warn("action {} {} {}: {}", actionId, kind, end, endDetail);
        }
    }

    boolean ended() {
        return endedMillis != 0;
    }

    ActionView view() {
        return new ActionView(actionId, kind, description, incidentId, status, lastStep, percent, startedMillis,
                endedMillis, detail);
    }
}
