package org.vmshield.load.attack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A cost attack: a few crafted {@code /search?q=...} requests per second that are cheap to send
 * and expensive to serve (Poisson arrivals over a few sources).
 *
 * @param sources distinct attack addresses
 * @param rateRps total rate
 * @param query the crafted query (URL-encoded when sent)
 */
public record CostAttack(int sources, double rateRps, String query) implements AttackProfile {
    /** The default crafted query: 200 times "a". */
    public static final String DEFAULT_QUERY = "a".repeat(200);
    /**
     * How long a crafted request waits for its answer: a cost attacker reads what it asked for,
     * however long the overloaded server takes (it costs the attacker one idle connection), unlike
     * a legitimate client that gives up after the plan's request timeout.
     */
    public static final long ANSWER_WAIT_MILLIS = 30_000;
    /** Default: 4 sources, 5 req/s, the default query. */
    public static final CostAttack DEFAULT = new CostAttack(4, 5, DEFAULT_QUERY);

    /** Validates the parameters. */
    public CostAttack {
        AttackProfile.checkSources("cost", sources);
        AttackProfile.checkRate("cost", rateRps);
        if (query == null || query.isEmpty() || query.length() > 8192) {
            throw new IllegalArgumentException(
                    "cost query: " + (query == null ? null : query.length() + " chars") + " (expected: 1 to 8192 chars)");
        }
    }

    /** Returns the request target sent. */
    public String path() {
        return "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return "cost";
    }

    @Override
    public int sourcesNeeded() {
        return sources;
    }
}
