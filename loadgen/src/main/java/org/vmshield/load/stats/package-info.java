/**
 * Measurement: {@link org.vmshield.load.stats.StatsRecorder} counts every request and connection
 * per service and traffic class; {@link org.vmshield.load.stats.ClassStats} and
 * {@link org.vmshield.load.stats.SecondFigures} are what it reports; {@link org.vmshield.load.stats.Windows}
 * cuts the per-second series into phases.
 */
package org.vmshield.load.stats;
