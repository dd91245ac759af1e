/**
 * The input of a report: the measured record of one demo run, as plain immutable values that
 * the demo fills while it runs. Start at {@link org.vmshield.report.model.RunRecord} and its
 * {@link org.vmshield.report.model.RunRecord.Builder}; times are milliseconds from the start of
 * the run, per-second samples are indexed by the second of the run they cover.
 */
package org.vmshield.report.model;
