package org.vmshield.load.attack;

import org.vmshield.load.PathMix;

/**
 * A distributed HTTP flood: {@code sources} addresses, each sending at exactly
 * {@code rateRps / sources} requests per second, evenly paced, so that each stays under a sane
 * per-source limit and filtering by source alone cannot stop the flood.
 *
 * @param sources distinct attack addresses
 * @param rateRps total rate over all sources
 * @param paths the request paths
 */
public record HttpFlood(int sources, double rateRps, PathMix paths) implements AttackProfile {
    /** Default: 1000 sources x 5 req/s on "/". */
    public static final HttpFlood DEFAULT = new HttpFlood(1000, 5000, PathMix.ROOT);

    /** Validates the parameters. */
    public HttpFlood {
        AttackProfile.checkSources("http-flood", sources);
        AttackProfile.checkRate("http-flood", rateRps);
        if (paths == null) {
            throw new IllegalArgumentException("http-flood paths: null (expected: a path mix)");
        }
    }

    /** Returns the rate of each source. */
    public double perSourceRps() {
        return rateRps / sources;
    }

    @Override
    public String name() {
        return "http-flood";
    }

    @Override
    public int sourcesNeeded() {
        return sources;
    }
}
