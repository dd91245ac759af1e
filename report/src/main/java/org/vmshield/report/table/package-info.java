/**
 * Text for the terminal: {@link org.vmshield.report.table.SummaryTable} prints the outcome of a run
 * (and its baseline side by side), {@link org.vmshield.report.table.StatusLine} the demo's live line
 * each second; {@link org.vmshield.report.table.Figures} formats numbers the same way everywhere.
 */
package org.vmshield.report.table;
