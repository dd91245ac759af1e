package org.vmshield.load.attack;

import org.vmshield.load.PathMix;

/**
 * A flash crowd: a legitimate-looking surge of {@code sources} NEW addresses from the upper half
 * of the legitimate range (127.1.128.0 and up by default), each at a normal per-source rate
 * ({@code rateRps / sources}, Poisson), with the target's normal path mix. Recorded as its own
 * traffic class, FLASH_CROWD: a defence should serve it, not refuse it.
 *
 * @param sources distinct new addresses
 * @param rateRps total rate over all sources
 * @param paths the path mix, or {@code null} for the target service's own legitimate mix
 */
public record FlashCrowd(int sources, double rateRps, PathMix paths) implements AttackProfile {
    /** Default: 1000 new sources at 0.5 req/s each, the service's own path mix. */
    public static final FlashCrowd DEFAULT = new FlashCrowd(1000, 500, null);

    /** Validates the parameters. */
    public FlashCrowd {
        AttackProfile.checkSources("flash-crowd", sources);
        AttackProfile.checkRate("flash-crowd", rateRps);
    }

    @Override
    public String name() {
        return "flash-crowd";
    }

    @Override
    public int sourcesNeeded() {
        return 0; // its sources come from the legitimate range
    }
}
