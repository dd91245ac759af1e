package org.vmshield.sim.world;

/**
 * Turns a VM's arrivals, work per request and CPU share into latency and success: an M/M/1
 * processor-sharing approximation. Service time S = mean work / min(1, share) (a request runs on
 * one core at most); utilisation ρ = arrivals × work / capacity, where capacity is the CPU it
 * could get (its cap, the host's room, or its share under contention). For ρ &lt; 1 the response time is
 * exponential with mean T = S / (1 − ρ): percentiles T·ln 2, T·ln 10, T·ln 100, and a request
 * succeeds when it is answered within the timeout, probability 1 − exp(−timeout / T). For ρ ≥ 1 the
 * VM serves 1/ρ of the requests, near the timeout (queues full), and the rest time out.
 */
public final class Queueing {
    static final double LN2 = Math.log(2);
    static final double LN10 = Math.log(10);
    static final double LN100 = Math.log(100);

    private Queueing() {}

    /**
     * Sets the VM's mean latency, success fraction and stretch (latency ÷ work) for this tick.
     *
     * @param pausedMillis time of the tick the guest was paused (migration downtime), delaying requests
     * @param tickMillis length of the tick
     */
    public static void apply(SimVm v, double timeoutMillis, double pausedMillis, double tickMillis) {
        if (v.arrivalsRps <= 0) {
            v.meanLatencyMillis = 0;
            v.successFraction = 1;
            v.stretch = 1;
            return;
        }
        double workMillis = v.workCoresDemand * 1000.0 / v.arrivalsRps;
        double capacity = Math.max(v.allocCores, v.capacityCores);
        if (capacity <= 1e-9) {
            v.meanLatencyMillis = timeoutMillis;
            v.successFraction = 0;
            v.stretch = timeoutMillis / workMillis;
            return;
        }
        double s = workMillis / Math.min(1, capacity);
        double rho = v.workCoresDemand / capacity;
        double t;
        double success;
        if (rho < 0.999) {
            t = s / (1 - rho);
            success = 1 - Math.exp(-timeoutMillis / t);
            t = Math.min(t, timeoutMillis);
        } else {
            t = 0.8 * timeoutMillis;
            success = Math.min(1, 1 / rho) * 0.99;
        }
        if (pausedMillis > 0) {
            // requests that arrive while the guest is paused wait, on average, half the pause
            t += (pausedMillis / tickMillis) * pausedMillis / 2;
        }
        v.meanLatencyMillis = t;
        v.successFraction = success;
        v.stretch = t / workMillis;
    }

    /** Returns the p50 of an exponential response time with mean {@code t}. */
    public static double p50(double t) {
        return t * LN2;
    }

    /** Returns the p90 of an exponential response time with mean {@code t}. */
    public static double p90(double t) {
        return t * LN10;
    }

    /** Returns the p99 of an exponential response time with mean {@code t}. */
    public static double p99(double t) {
        return t * LN100;
    }
}
