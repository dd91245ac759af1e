/**
 * The measured outcome of a demo run, for people: a summary table for the terminal, and a report
 * folder with report.html, PNG charts and report.json. Start at
 * {@link org.vmshield.report.ReportWriter#write} with a {@link org.vmshield.report.model.RunRecord};
 * the terminal text is in {@code report.table}, the JSON in {@code report.json}, the charts in
 * {@code report.chart}, the page in {@code report.html}, the phase cut in {@code report.phase}.
 */
package org.vmshield.report;
