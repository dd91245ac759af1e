package org.vmshield.balancer.guard;

import java.security.SecureRandom;

/**
 * Sizing of the guard chain's per-source state.
 *
 * @param maxTrackedSources sources each per-source rule tracks individually (memory: about 16
 *     bytes per source per rule); beyond it, sources share conservative overflow buckets
 * @param hashSeed secret seed of the per-source hash (random by default, so that an attacker
 *     cannot aim at a victim's slots)
 */
public record GuardSettings(int maxTrackedSources, long hashSeed) {
    /** Default number of sources tracked individually per rule. */
    public static final int DEFAULT_MAX_TRACKED_SOURCES = 1 << 20;
    /** Largest accepted value of {@code maxTrackedSources}. */
    public static final int MAX_TRACKED_SOURCES = 1 << 27;

    public GuardSettings {
        if (maxTrackedSources < 1 || maxTrackedSources > MAX_TRACKED_SOURCES) {
            throw new IllegalArgumentException("maxTrackedSources: " + maxTrackedSources
                    + " (expected: 1.." + MAX_TRACKED_SOURCES + ")");
        }
    }

    /** Returns the defaults, with a random seed. */
    public static GuardSettings defaults() {
        return of(DEFAULT_MAX_TRACKED_SOURCES);
    }

    /** Returns settings tracking {@code maxTrackedSources}, with a random seed. */
    public static GuardSettings of(int maxTrackedSources) {
        return new GuardSettings(maxTrackedSources, new SecureRandom().nextLong());
    }
}
