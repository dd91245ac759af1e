package org.vmshield.balancer.pool;

/**
 * Least outstanding requests per unit of weight; the scan starts at a random candidate so that
 * ties do not always favour the first backend.
 */
final class LeastOutstandingSelector implements BackendSelector {
    private final RandomSource random;

    LeastOutstandingSelector(RandomSource random) {
        this.random = random;
    }

    @Override
    public Backend select(Backend[] candidates, int count, long nowNanos) {
        if (count == 1) {
            return candidates[0];
        }
        int start = random.nextInt(count);
        Backend best = null;
        double bestScore = Double.MAX_VALUE;
        for (int k = 0; k < count; k++) {
            Backend b = candidates[(start + k) % count];
            double score = (b.outstanding() + 1.0) / b.weight();
            if (score < bestScore) {
                bestScore = score;
                best = b;
            }
        }
        return best;
    }
}
