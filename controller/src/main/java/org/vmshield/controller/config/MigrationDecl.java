package org.vmshield.controller.config;

/**
 * How live migrations are planned and run.
 *
 * @param bandwidthMiBPerSec migration bandwidth between hosts the planner assumes
 * @param autoConverge the guest may be throttled when its dirty rate outruns the copy
 * @param postCopy the migration may switch to post-copy
 * @param timeoutMillis how long a migration may take before it is cancelled
 */
public record MigrationDecl(double bandwidthMiBPerSec, boolean autoConverge, boolean postCopy, long timeoutMillis) {}
