package org.vmshield.brain.detect;

import java.util.ArrayList;
import java.util.List;
import org.vmshield.brain.incident.SuspectedSource;
import org.vmshield.model.telemetry.SourceStat;

/** Small shared computations: confidence from how far past its threshold a signal is, source picking. */
final class Scores {
    private Scores() {}

    /**
     * Returns the confidence of a finding whose signal is {@code observed} against {@code baseline}
     * and {@code threshold}: 0.5 just over the threshold, rising to 1 at three times the excess the
     * threshold allows.
     */
    static double confidence(double observed, double baseline, double threshold) {
        double allowed = threshold - baseline;
        if (!(allowed > 0) || !Double.isFinite(observed)) {
            return 0.5;
        }
        double e = (observed - baseline) / allowed;
        return clamp(0.5 + 0.25 * (e - 1), 0.5, 1.0);
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    /** Returns the sum of the {@code n} largest request rates in {@code top}, without allocating. */
    static double sumTopRates(List<SourceStat> top, int n, double[] scratch) {
        int size = top.size();
        if (size <= n) {
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += top.get(i).requestsPerSec();
            }
            return sum;
        }
        int filled = 0; // scratch[0..filled) sorted descending
        for (int i = 0; i < size; i++) {
            double r = top.get(i).requestsPerSec();
            if (filled == n && r <= scratch[n - 1]) {
                continue;
            }
            int j = filled < n ? filled++ : n - 1;
            while (j > 0 && scratch[j - 1] < r) {
                scratch[j] = scratch[j - 1];
                j--;
            }
            scratch[j] = r;
        }
        double sum = 0;
        for (int i = 0; i < filled; i++) {
            sum += scratch[i];
        }
        return sum;
    }

    /**
     * Returns the sources of {@code top} with a request rate of at least {@code minRatePerSec}, most
     * active first (ties by address), at most {@code max}, each with its share of {@code poolRate}.
     */
    static List<SuspectedSource> byRate(List<SourceStat> top, double minRatePerSec, int max, double poolRate) {
        List<SourceStat> picked = new ArrayList<>();
        for (SourceStat s : top) {
            if (s.requestsPerSec() > 0 && s.requestsPerSec() >= minRatePerSec) {
                picked.add(s);
            }
        }
        picked.sort((a, b) -> {
            int c = Double.compare(b.requestsPerSec(), a.requestsPerSec());
            return c != 0 ? c : a.address().compareTo(b.address());
        });
        List<SuspectedSource> out = new ArrayList<>(Math.min(max, picked.size()));
        for (int i = 0; i < picked.size() && i < max; i++) {
            SourceStat s = picked.get(i);
            double share = poolRate > 0 ? Math.min(1, s.requestsPerSec() / poolRate) : 0;
            out.add(new SuspectedSource(s.address(), s.requestsPerSec(), s.openConnections(), s.idleConnections(), share));
        }
        return out;
    }
}
