/**
 * The pre-copy live-migration model: predicted rounds, data sent, total time and downtime from
 * guest memory, bandwidth and dirty rate, and whether a migration converges (plain, with
 * auto-converge, or with post-copy). Start at {@link org.vmshield.brain.migration.PreCopyModel}.
 */
package org.vmshield.brain.migration;
