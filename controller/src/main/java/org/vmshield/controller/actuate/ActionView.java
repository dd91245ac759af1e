package org.vmshield.controller.actuate;

/**
 * An action as the admin API and the status line show it.
 *
 * @param actionId its id in the journal
 * @param kind e.g. {@code migrate}, {@code switch-version}, {@code add-rule}
 * @param description the action's one-line description
 * @param incidentId the incident it serves; empty for a manual or housekeeping action
 * @param status {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED} or {@code ROLLED_BACK}
 * @param lastStep the last step done
 * @param progressPercent progress of a migration's copy (0..100); -1 when not known
 * @param startedMillis when it started
 * @param endedMillis when it ended; 0 while running
 * @param detail how it ended, or what it is doing
 */
public record ActionView(String actionId, String kind, String description, String incidentId, String status,
        String lastStep, int progressPercent, long startedMillis, long endedMillis, String detail) {}
