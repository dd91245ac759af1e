package org.vmshield.load.attack;

import java.util.Set;

/**
 * An attack profile and its parameters. Request profiles (http-flood, cost, flash-crowd) send
 * requests; connection profiles (conn-flood, slowloris) open and hold connections; wrappers
 * (pulsing, hopping, mixed) combine them. Every profile is bounded by its {@code AttackSpec}'s
 * time window and by the run's request and connection bounds.
 */
public sealed interface AttackProfile
        permits HttpFlood, CostAttack, ConnFlood, Slowloris, FlashCrowd, Pulsing, Hopping, Mixed {

    /** The most sources one profile may use (a /16 block holds 65,534). */
    int MAX_SOURCES = 30_000;

    /** Returns the profile's name as the command line spells it, such as {@code http-flood}. */
    String name();

    /** Throws IllegalArgumentException if the profile refers to a service not in {@code services}. */
    default void validate(Set<String> services) {}

    /** Returns the sources this profile uses from the attack range (or the flash-crowd range). */
    int sourcesNeeded();

    /** Checks a source count; shared by the profiles. */
    static void checkSources(String what, int sources) {
        if (sources <= 0 || sources > MAX_SOURCES) {
            throw new IllegalArgumentException(what + " sources: " + sources + " (expected: 1 to " + MAX_SOURCES + ")");
        }
    }

    /** Checks a rate; shared by the profiles. */
    static void checkRate(String what, double rateRps) {
        if (!(rateRps > 0) || rateRps > 1_000_000) {
            throw new IllegalArgumentException(what + " rateRps: " + rateRps + " (expected: > 0 and <= 1000000)");
        }
    }
}
