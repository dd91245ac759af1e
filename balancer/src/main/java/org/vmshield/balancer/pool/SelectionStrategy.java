package org.vmshield.balancer.pool;

import java.util.Locale;

/** The selection strategies a pool can use; all are weight-aware. */
public enum SelectionStrategy {
    /** Weighted round-robin. */
    ROUND_ROBIN("round-robin"),
    /** Fewest outstanding requests per unit of weight. */
    LEAST_OUTSTANDING("least-outstanding"),
    /** Power of two random choices, compared by peak-EWMA latency times load, per unit of weight (default). */
    P2C_PEAK_EWMA("p2c-peak-ewma");

    /** The default strategy. */
    public static final SelectionStrategy DEFAULT = P2C_PEAK_EWMA;

    private final String wireName;

    SelectionStrategy(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the name used in config and the admin API. */
    public String wireName() {
        return wireName;
    }

    /** Creates a selector of this strategy using the given randomness. */
    public BackendSelector newSelector(RandomSource random) {
        return switch (this) {
            case ROUND_ROBIN -> new WeightedRoundRobinSelector();
            case LEAST_OUTSTANDING -> new LeastOutstandingSelector(random);
            case P2C_PEAK_EWMA -> new P2cPeakEwmaSelector(random);
        };
    }

    /** Parses a strategy name; throws IllegalArgumentException saying what was expected. */
    public static SelectionStrategy parse(String field, String text) {
        if (text == null) {
            return DEFAULT;
        }
        for (SelectionStrategy s : values()) {
            if (s.wireName.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                field + ": " + text + " (expected: one of round-robin, least-outstanding, p2c-peak-ewma)");
    }
}
