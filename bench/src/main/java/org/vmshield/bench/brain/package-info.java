/**
 * The brain benchmark: synthetic telemetry and cluster fixtures at the sizes of issue 4, and a
 * careful timing harness (warm-up, median and p99, allocation per tick). Start at
 * {@link org.vmshield.bench.brain.BrainBenchmark}.
 */
package org.vmshield.bench.brain;
