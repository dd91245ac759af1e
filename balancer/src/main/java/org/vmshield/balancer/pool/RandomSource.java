package org.vmshield.balancer.pool;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** Randomness for selection, injected so that tests can replay a decision exactly. */
@FunctionalInterface
public interface RandomSource {
    /** Returns a uniform int in {@code [0, bound)}. */
    int nextInt(int bound);

    /** Returns the production source: the calling thread's {@link ThreadLocalRandom}. */
    static RandomSource threadLocal() {
        return bound -> ThreadLocalRandom.current().nextInt(bound);
    }

    /** Returns a deterministic source for tests (not thread-safe). */
    static RandomSource seeded(long seed) {
        Random random = new Random(seed);
        return random::nextInt;
    }
}
