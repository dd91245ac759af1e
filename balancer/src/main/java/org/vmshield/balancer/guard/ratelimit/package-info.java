/**
 * Token buckets and counters per source, in bounded memory, lock-free, with an eviction policy
 * that never hands a source a fresh bucket. Start at
 * {@link org.vmshield.balancer.guard.ratelimit.SourceRateTable} and
 * {@link org.vmshield.balancer.guard.ratelimit.SourceCountTable}.
 */
package org.vmshield.balancer.guard.ratelimit;
