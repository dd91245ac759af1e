/**
 * report.json: {@link org.vmshield.report.json.ReportJsonWriter} writes a run (and its baseline) with
 * the per-phase figures issue 5 asks for plus the time series, and
 * {@link org.vmshield.report.json.ReportJsonReader} reads it back into records, so a report can be
 * re-rendered from its JSON. The schema is in docs/report.md.
 */
package org.vmshield.report.json;
