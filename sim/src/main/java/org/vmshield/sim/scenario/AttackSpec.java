package org.vmshield.sim.scenario;

import java.util.List;

/**
 * One attack (or flash crowd). Pulsing: on for {@code pulseOnSeconds}, off for
 * {@code pulseOffSeconds}, repeated. Hopping: the target moves to the next of {@code targets} every
 * {@code hopSeconds}.
 *
 * @param kind what it is
 * @param targets service(s) attacked; more than one only for hopping
 * @param startSeconds when it starts
 * @param durationSeconds how long it lasts
 * @param rps requests per second while on
 * @param sources distinct source addresses it comes from
 * @param path path it asks for; {@code /} for a flood when absent, required for a cost attack
 * @param pulseOnSeconds on time of a pulse; 0 for continuous
 * @param pulseOffSeconds off time of a pulse
 * @param hopSeconds time on each target before moving on; 0 for no hopping
 */
public record AttackSpec(
        AttackKind kind,
        List<String> targets,
        double startSeconds,
        double durationSeconds,
        double rps,
        int sources,
        String path,
        Double pulseOnSeconds,
        Double pulseOffSeconds,
        Double hopSeconds) {
    public AttackSpec {
        targets = targets == null ? List.of() : List.copyOf(targets);
        path = path == null ? "/" : path;
        pulseOnSeconds = pulseOnSeconds == null ? 0.0 : pulseOnSeconds;
        pulseOffSeconds = pulseOffSeconds == null ? 0.0 : pulseOffSeconds;
        hopSeconds = hopSeconds == null ? 0.0 : hopSeconds;
    }

    /** Returns true when it sends traffic at {@code atMillis}. */
    public boolean isOn(long atMillis) {
        double t = atMillis / 1000.0 - startSeconds;
        if (t < 0 || t >= durationSeconds) {
            return false;
        }
        double period = pulseOnSeconds + pulseOffSeconds;
        return pulseOnSeconds <= 0 || pulseOffSeconds <= 0 || (t % period) < pulseOnSeconds;
    }

    /** Returns the index into {@link #targets()} of the service attacked at {@code atMillis}. */
    public int targetIndex(long atMillis) {
        if (hopSeconds <= 0 || targets.size() < 2) {
            return 0;
        }
        double t = Math.max(0, atMillis / 1000.0 - startSeconds);
        return (int) (Math.floor(t / hopSeconds) % targets.size());
    }

    /** Returns the end of the attack in milliseconds. */
    public long endMillis() {
        return Math.round((startSeconds + durationSeconds) * 1000);
    }

    /** Returns the start of the attack in milliseconds. */
    public long startMillis() {
        return Math.round(startSeconds * 1000);
    }
}
