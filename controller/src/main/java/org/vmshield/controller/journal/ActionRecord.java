package org.vmshield.controller.journal;

/**
 * One action as the journal knows it.
 *
 * @param actionId unique id the controller gave the action
 * @param incidentId the incident it answers, or empty for a manual action
 * @param kind the action's kind, e.g. {@code migrate}
 * @param specJson the action's full description, as JSON
 * @param status where it stands
 * @param startedMillis when it started
 * @param endedMillis when it ended; 0 while in flight
 * @param lastStep the last step recorded for it; empty when none
 */
public record ActionRecord(
        String actionId,
        String incidentId,
        String kind,
        String specJson,
        ActionStatus status,
        long startedMillis,
        long endedMillis,
        String lastStep) {}
