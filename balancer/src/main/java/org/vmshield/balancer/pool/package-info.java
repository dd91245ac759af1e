/**
 * Pools of backends: {@link org.vmshield.balancer.pool.Pool} (copy-on-write backend list,
 * {@code pick}), {@link org.vmshield.balancer.pool.Backend} (address switchable under the same id,
 * weight, {@link org.vmshield.balancer.pool.BackendState}, held requests while paused, idle
 * keep-alive connections per event loop), and the weight-aware selection strategies of
 * {@link org.vmshield.balancer.pool.SelectionStrategy}, with injected clock and randomness.
 */
package org.vmshield.balancer.pool;
