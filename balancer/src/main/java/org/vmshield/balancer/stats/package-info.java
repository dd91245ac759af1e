/**
 * Traffic figures: lock-free {@link org.vmshield.balancer.stats.TrafficCounters} per pool and
 * backend (HdrHistogram latency), rolled each interval by
 * {@link org.vmshield.balancer.stats.SnapshotAssembler} into the model's
 * {@link org.vmshield.model.telemetry.TrafficSnapshot}, and exposed to Prometheus by
 * {@link org.vmshield.balancer.stats.PrometheusMetrics}.
 */
package org.vmshield.balancer.stats;
