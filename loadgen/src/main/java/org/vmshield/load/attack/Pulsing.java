package org.vmshield.load.attack;

import java.util.Set;

/**
 * Pulsing: runs {@code inner} for {@code onMillis}, pauses it for {@code offMillis}, and repeats,
 * starting with an "on" phase at the attack's start. Request profiles skip the arrivals that fall
 * in "off" phases; connection profiles close their connections during "off" phases.
 *
 * @param inner the profile switched on and off
 * @param onMillis length of an on phase
 * @param offMillis length of an off phase
 */
public record Pulsing(AttackProfile inner, long onMillis, long offMillis) implements AttackProfile {
    /** Validates the parameters. */
    public Pulsing {
        if (inner == null) {
            throw new IllegalArgumentException("pulsing inner profile: null (expected: a profile)");
        }
        if (onMillis < 50 || offMillis < 50) {
            throw new IllegalArgumentException(
                    "pulsing onMillis/offMillis: " + onMillis + "/" + offMillis + " (expected: both >= 50)");
        }
    }

    /** Returns a pulsing http-flood with default parameters: 2 s on, 2 s off. */
    public static Pulsing ofDefaultFlood() {
        return new Pulsing(HttpFlood.DEFAULT, 2_000, 2_000);
    }

    /** Returns whether the profile is "on" at {@code offsetMillis} from the attack's start. */
    public boolean isOn(long offsetMillis) {
        return Math.floorMod(offsetMillis, onMillis + offMillis) < onMillis;
    }

    @Override
    public String name() {
        return "pulsing";
    }

    @Override
    public void validate(Set<String> services) {
        inner.validate(services);
    }

    @Override
    public int sourcesNeeded() {
        return inner.sourcesNeeded();
    }
}
