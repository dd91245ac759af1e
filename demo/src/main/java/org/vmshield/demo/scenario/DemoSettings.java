package org.vmshield.demo.scenario;

import java.util.Objects;
import org.vmshield.hypervisor.cluster.NetworkMode;
import org.vmshield.load.attack.AttackProfiles;

/**
 * The options of one demo run.
 *
 * @param attack the attack profile, one of {@link AttackProfiles#NAMES}
 * @param durationMillis the measured run's length (the attack covers its middle half)
 * @param mitigation false: the controller only observes (dry-run)
 * @param network how the VMs are networked
 * @param seed the load generator's seed (same seed, same schedule)
 */
public record DemoSettings(String attack, long durationMillis, boolean mitigation, NetworkMode network, long seed) {
    /** Shortest run: the brain's baselines need about 5 s before the attack, the mitigation time during it. */
    public static final long MIN_DURATION_MILLIS = 30_000;
    /** Longest run. */
    public static final long MAX_DURATION_MILLIS = 1_800_000;
    /** Default length: about two minutes. */
    public static final long DEFAULT_DURATION_MILLIS = 120_000;

    /** Validates the settings. */
    public DemoSettings {
        Objects.requireNonNull(network, "network");
        if (!AttackProfiles.NAMES.contains(attack)) {
            throw new IllegalArgumentException("attack: " + attack + " (expected: one of " + AttackProfiles.NAMES + ")");
        }
        if (durationMillis < MIN_DURATION_MILLIS || durationMillis > MAX_DURATION_MILLIS) {
            throw new IllegalArgumentException("duration: " + durationMillis + " ms (expected: "
                    + MIN_DURATION_MILLIS / 1000 + "..." + MAX_DURATION_MILLIS / 1000 + " s)");
        }
    }

    /** Returns a copy with mitigation on or off. */
    public DemoSettings withMitigation(boolean value) {
        return new DemoSettings(attack, durationMillis, value, network, seed);
    }
}
