/**
 * The journal: every incident, decision, action and action step, stored durably in an
 * embedded SQLite file, so that a restarted controller knows what was in flight and can
 * reconcile it. Start at {@link org.vmshield.controller.journal.Journal}.
 */
package org.vmshield.controller.journal;
