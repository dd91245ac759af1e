/**
 * report.html: one self-contained page (inline CSS and SVG, no script, no font or image from
 * elsewhere) with the summary, the charts and the lists of events and actions. Start at
 * {@link org.vmshield.report.html.HtmlReport#render}.
 */
package org.vmshield.report.html;
