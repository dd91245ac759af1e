/**
 * Charts over the time of a run, drawn once and rendered twice: as inline SVG for report.html and as
 * PNG (Java2D). Start at {@link org.vmshield.report.chart.RunCharts#of}, which turns a run into
 * {@link org.vmshield.report.chart.Chart}s; {@link org.vmshield.report.chart.ChartPainter} lays a chart
 * out on a {@link org.vmshield.report.chart.Canvas}, implemented by
 * {@link org.vmshield.report.chart.SvgCanvas} and {@link org.vmshield.report.chart.ImageCanvas}.
 */
package org.vmshield.report.chart;
