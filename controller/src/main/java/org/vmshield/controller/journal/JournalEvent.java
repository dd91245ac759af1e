package org.vmshield.controller.journal;

/**
 * One line of the journal's timeline, in the order it was written.
 *
 * @param sequence position in the journal, increasing
 * @param atMillis when it happened (controller clock)
 * @param type {@code incident}, {@code decision}, {@code action} or {@code step}
 * @param subject the incident or action id it is about
 * @param status the state or status it records
 * @param detail free text or JSON with the numbers
 */
public record JournalEvent(long sequence, long atMillis, String type, String subject, String status, String detail) {}
