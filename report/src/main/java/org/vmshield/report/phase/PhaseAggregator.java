package org.vmshield.report.phase;

import java.util.List;
import org.vmshield.report.model.PhaseStats;
import org.vmshield.report.model.ServiceSecond;

/** Aggregates a service's per-second samples over a phase into estimated {@link PhaseStats}. */
public final class PhaseAggregator {
    private PhaseAggregator() {
    }

    /**
     * Returns the stats of the samples whose second belongs to {@code window} (see
     * {@link TimeWindow#containsSecond}): requests are the completed ones (successes + failures), the
     * success rate is successes over them, p50 and p99 come from {@link LatencyMixture}.
     */
    public static PhaseStats aggregate(List<ServiceSecond> samples, TimeWindow window) {
        List<ServiceSecond> inside = samples.stream().filter(s -> window.containsSecond(s.second())).toList();
        long successes = inside.stream().mapToLong(ServiceSecond::successes).sum();
        long completed = inside.stream().mapToLong(ServiceSecond::completed).sum();
        if (completed == 0) {
            return PhaseStats.EMPTY;
        }
        LatencyMixture mixture = new LatencyMixture(inside);
        double p50 = mixture.quantile(0.50);
        double p99 = Math.max(p50, mixture.quantile(0.99));
        return new PhaseStats(completed, (double) successes / completed, p50, p99, true);
    }
}
