package org.vmshield.load.schedule;

import java.util.List;

/** Says which service a stream targets at a time offset from its start (the hopping profile). */
@FunctionalInterface
public interface ServiceSelector {
    /** Returns the service targeted at {@code offsetNanos} from the stream's start. */
    String serviceAt(long offsetNanos);

    /** Returns a selector that always picks {@code service}. */
    static ServiceSelector fixed(String service) {
        return offsetNanos -> service;
    }

    /** Returns a selector that moves to the next of {@code services} every {@code hopMillis}, cycling. */
    static ServiceSelector hopping(List<String> services, long hopMillis) {
        List<String> order = List.copyOf(services);
        long hop = hopMillis * 1_000_000L;
        return offsetNanos -> order.get((int) Math.floorMod(Math.floorDiv(offsetNanos, hop), (long) order.size()));
    }
}
