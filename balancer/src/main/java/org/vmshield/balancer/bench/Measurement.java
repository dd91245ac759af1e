package org.vmshield.balancer.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One proxy's figures: what wrk measured and how the cores were used meanwhile. A proxy measured in
 * several rounds gets the median of each figure ({@link #median}).
 *
 * @param wrk what wrk measured
 * @param cpu the shares of the cores during the measured run
 * @param rounds how many measured runs these figures summarize
 */
public record Measurement(WrkResult wrk, CpuShares cpu, int rounds) {
    /**
     * Returns true when something else used more than {@code maxForeignShare} of the proxy's core, or of
     * the client core (wrk's and the backend's).
     */
    public boolean disturbed(double maxForeignShare) {
        return cpu.foreignShare() > maxForeignShare || cpu.clientForeignShare() > maxForeignShare;
    }

    /** Returns the proxy's user-mode CPU time per request, in microseconds (0 without requests). */
    public double userMicrosPerRequest() {
        return wrk.rps() > 0 ? cpu.proxyUserShare() * 1e6 / wrk.rps() : 0;
    }

    /** Returns the proxy's kernel CPU time per request, in microseconds (0 without requests). */
    public double systemMicrosPerRequest() {
        return wrk.rps() > 0 ? cpu.proxySystemShare() * 1e6 / wrk.rps() : 0;
    }

    /**
     * Returns the median of each figure over the rounds (request rate, p99, each CPU share), with the
     * request, non-2xx and error counts summed.
     *
     * @throws IllegalArgumentException when {@code rounds} is empty
     */
    public static Measurement median(List<Measurement> rounds) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("rounds: empty (expected: at least one measurement)");
        }
        long requests = 0;
        long non2xx = 0;
        long errors = 0;
        for (Measurement m : rounds) {
            requests += m.wrk().requests();
            non2xx += m.wrk().non2xx();
            errors += m.wrk().socketErrors();
        }
        WrkResult w = new WrkResult(median(rounds, m -> m.wrk().rps()), median(rounds, m -> m.wrk().p99Ms()), requests,
                non2xx, errors);
        CpuShares s = new CpuShares(median(rounds, m -> m.cpu().proxyUserShare()),
                median(rounds, m -> m.cpu().proxySystemShare()), median(rounds, m -> m.cpu().foreignShare()),
                median(rounds, m -> m.cpu().clientCoreShare()), median(rounds, m -> m.cpu().clientForeignShare()));
        return new Measurement(w, s, rounds.size());
    }

    private static double median(List<Measurement> rounds, ToDoubleFunction<Measurement> f) {
        double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
