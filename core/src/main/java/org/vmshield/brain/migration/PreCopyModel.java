package org.vmshield.brain.migration;

import java.util.Locale;
import org.vmshield.brain.model.MigrationOptions;

/**
 * Predicts a live migration's time, data sent and downtime (DESIGN.md's pre-copy model).
 *
 * <p>Memory M, bandwidth B, dirty rate D, λ = D/B. The first round sends M; round i sends what was
 * dirtied during round i-1, M·λ^i. QEMU stops the guest after round n, the first n ≥ 1 for which
 * the remainder M·λ^n fits in B × downtime limit, and sends it while the guest is paused:
 * downtime = M·λ^n/B, total sent M·(1−λ^(n+1))/(1−λ), total time that over B. With D ≥ B the
 * remainder never shrinks: plain pre-copy does not converge, and only auto-converge (throttling the
 * guest CPU, which lowers D) or post-copy finish it. A migration longer than the completion timeout
 * counts as not converging.
 */
public final class PreCopyModel {
    private final PreCopyParams params;

    /** Creates a model with the given knobs. */
    public PreCopyModel(PreCopyParams params) {
        this.params = params;
    }

    /** Returns the knobs. */
    public PreCopyParams params() {
        return params;
    }

    /**
     * Predicts plain pre-copy of a guest of {@code memoryMiB} dirtying {@code dirtyRateMiBPerSec} over
     * a link of {@code bandwidthMiBPerSec}.
     */
    public MigrationPrediction preCopy(double memoryMiB, double bandwidthMiBPerSec, double dirtyRateMiBPerSec) {
        validate(memoryMiB, bandwidthMiBPerSec, dirtyRateMiBPerSec);
        double m = memoryMiB;
        double b = bandwidthMiBPerSec;
        double lambda = dirtyRateMiBPerSec / b;
        double stopAtMiB = b * params.downtimeLimitMillis() / 1000.0;
        double timeoutMillis = timeoutMillis(m);
        if (lambda >= 1) {
            return notConverging(String.format(Locale.ROOT,
                    "pre-copy: dirty rate %.0f MiB/s >= bandwidth %.0f MiB/s (lambda %.2f): never converges",
                    dirtyRateMiBPerSec, b, lambda));
        }
        int n = 1;
        double remainder = m * lambda;
        while (remainder > stopAtMiB && n < params.maxRounds()) {
            n++;
            remainder *= lambda;
        }
        if (remainder > stopAtMiB) {
            return notConverging(String.format(Locale.ROOT,
                    "pre-copy: lambda %.2f leaves %.0f MiB after %d rounds (limit %.0f MiB)", lambda, remainder, n, stopAtMiB));
        }
        double sent = lambda == 0 ? m : m * (1 - Math.pow(lambda, n + 1)) / (1 - lambda);
        double totalMillis = sent / b * 1000.0;
        double downtimeMillis = remainder / b * 1000.0;
        if (totalMillis > timeoutMillis) {
            return notConverging(String.format(Locale.ROOT,
                    "pre-copy: %.0f ms exceeds the completion timeout %.0f ms", totalMillis, timeoutMillis));
        }
        return new MigrationPrediction(MigrationMode.PRE_COPY, n, sent, totalMillis, downtimeMillis, 0,
                String.format(Locale.ROOT,
                        "pre-copy M=%.0f MiB B=%.0f MiB/s D=%.0f MiB/s lambda=%.2f: %d rounds, %.0f MiB, %.0f ms, downtime %.1f ms",
                        m, b, dirtyRateMiBPerSec, lambda, n, sent, totalMillis, downtimeMillis));
    }

    /**
     * Predicts the migration as it would run with the VM's options: plain pre-copy when it
     * converges; else auto-converge when allowed and it converges; else post-copy when allowed;
     * else {@link MigrationMode#NOT_CONVERGING}.
     */
    public MigrationPrediction predict(double memoryMiB, double bandwidthMiBPerSec, double dirtyRateMiBPerSec,
            MigrationOptions options) {
        MigrationPrediction plain = preCopy(memoryMiB, bandwidthMiBPerSec, dirtyRateMiBPerSec);
        if (plain.converges()) {
            return plain;
        }
        if (options.allowAutoConverge()) {
            MigrationPrediction auto = autoConverge(memoryMiB, bandwidthMiBPerSec, dirtyRateMiBPerSec);
            if (auto.converges()) {
                return auto;
            }
        }
        if (options.allowPostCopy()) {
            return postCopy(memoryMiB, bandwidthMiBPerSec, dirtyRateMiBPerSec);
        }
        return plain;
    }

    /**
     * Predicts pre-copy with auto-converge: rounds as in plain pre-copy, but from the second round
     * on the guest is throttled (initial throttle, then one increment per round, up to the
     * maximum), which scales the dirty rate by (1 − throttle).
     */
    public MigrationPrediction autoConverge(double memoryMiB, double bandwidthMiBPerSec, double dirtyRateMiBPerSec) {
        validate(memoryMiB, bandwidthMiBPerSec, dirtyRateMiBPerSec);
        double b = bandwidthMiBPerSec;
        double stopAtMiB = b * params.downtimeLimitMillis() / 1000.0;
        double sent = memoryMiB;
        double roundMillis = memoryMiB / b * 1000.0;
        double throttle = 0;
        double remainder = Math.min(memoryMiB, dirtyRateMiBPerSec * roundMillis / 1000.0);
        int n = 1;
        while (remainder > stopAtMiB && n < params.maxRounds()) {
            throttle = throttle == 0 ? params.autoConvergeInitialThrottle()
                    : Math.min(params.autoConvergeMaxThrottle(), throttle + params.autoConvergeIncrement());
            sent += remainder;
            roundMillis = remainder / b * 1000.0;
            remainder = Math.min(memoryMiB, dirtyRateMiBPerSec * (1 - throttle) * roundMillis / 1000.0);
            n++;
        }
        if (remainder > stopAtMiB) {
            return notConverging(String.format(Locale.ROOT,
                    "auto-converge: %.0f MiB left after %d rounds at throttle %.2f", remainder, n, throttle));
        }
        sent += remainder;
        double totalMillis = sent / b * 1000.0;
        if (totalMillis > timeoutMillis(memoryMiB)) {
            return notConverging(String.format(Locale.ROOT,
                    "auto-converge: %.0f ms exceeds the completion timeout", totalMillis));
        }
        double downtimeMillis = remainder / b * 1000.0;
        return new MigrationPrediction(MigrationMode.AUTO_CONVERGE, n, sent, totalMillis, downtimeMillis, throttle,
                String.format(Locale.ROOT,
                        "auto-converge M=%.0f MiB B=%.0f MiB/s D=%.0f MiB/s: %d rounds, throttle up to %.2f, %.0f MiB, %.0f ms, downtime %.1f ms",
                        memoryMiB, b, dirtyRateMiBPerSec, n, throttle, sent, totalMillis, downtimeMillis));
    }

    /**
     * Predicts post-copy: one full pre-copy pass (M/B), a short switch, then the pages dirtied
     * during that pass (at most M) are pulled on demand by the destination.
     */
    public MigrationPrediction postCopy(double memoryMiB, double bandwidthMiBPerSec, double dirtyRateMiBPerSec) {
        validate(memoryMiB, bandwidthMiBPerSec, dirtyRateMiBPerSec);
        double b = bandwidthMiBPerSec;
        double firstPassMillis = memoryMiB / b * 1000.0;
        double pulledMiB = Math.min(memoryMiB, dirtyRateMiBPerSec * firstPassMillis / 1000.0);
        double sent = memoryMiB + pulledMiB;
        double totalMillis = sent / b * 1000.0 + params.postCopySwitchMillis();
        return new MigrationPrediction(MigrationMode.POST_COPY, 1, sent, totalMillis, params.postCopySwitchMillis(), 0,
                String.format(Locale.ROOT,
                        "post-copy M=%.0f MiB B=%.0f MiB/s D=%.0f MiB/s: 1 pass then %.0f MiB pulled, %.0f ms, downtime %d ms",
                        memoryMiB, b, dirtyRateMiBPerSec, pulledMiB, totalMillis, params.postCopySwitchMillis()));
    }

    private double timeoutMillis(double memoryMiB) {
        return params.completionTimeoutMillisPerGiB() * Math.max(1.0, memoryMiB / 1024.0);
    }

    private static MigrationPrediction notConverging(String why) {
        return new MigrationPrediction(MigrationMode.NOT_CONVERGING, 0, 0, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, 0, why);
    }

    private static void validate(double memoryMiB, double bandwidthMiBPerSec, double dirtyRateMiBPerSec) {
        if (!(memoryMiB > 0)) {
            throw new IllegalArgumentException("memoryMiB: %s (expected: > 0)".formatted(memoryMiB));
        }
        if (!(bandwidthMiBPerSec > 0)) {
            throw new IllegalArgumentException("bandwidthMiBPerSec: %s (expected: > 0)".formatted(bandwidthMiBPerSec));
        }
        if (!(dirtyRateMiBPerSec >= 0)) {
            throw new IllegalArgumentException("dirtyRateMiBPerSec: %s (expected: >= 0)".formatted(dirtyRateMiBPerSec));
        }
    }
}
