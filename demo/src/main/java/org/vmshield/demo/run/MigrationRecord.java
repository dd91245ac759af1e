package org.vmshield.demo.run;

import org.vmshield.hypervisor.MigrationResult;

/**
 * A completed live migration as the demo saw it.
 *
 * @param requestedWallMillis when it was requested (wall clock)
 * @param completedWallMillis when the hypervisor reported it completed (wall clock)
 * @param result the hypervisor's figures
 */
public record MigrationRecord(long requestedWallMillis, long completedWallMillis, MigrationResult result) {}
