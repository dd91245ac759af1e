package org.vmshield.load.attack;

import java.util.List;
import java.util.Set;

/**
 * Hopping: runs {@code inner} against one service at a time and switches to the next service
 * every {@code hopMillis}, in the order given, starting with the attack's target service.
 *
 * @param inner the profile that hops
 * @param services the services to hop over; empty means every service of the plan
 * @param hopMillis time on each service
 */
public record Hopping(AttackProfile inner, List<String> services, long hopMillis) implements AttackProfile {
    /** Validates the parameters. */
    public Hopping {
        if (inner == null) {
            throw new IllegalArgumentException("hopping inner profile: null (expected: a profile)");
        }
        services = services == null ? List.of() : List.copyOf(services);
        if (hopMillis < 50) {
            throw new IllegalArgumentException("hopping hopMillis: " + hopMillis + " (expected: >= 50)");
        }
    }

    /** Returns a hopping http-flood over every service, 5 s on each. */
    public static Hopping ofDefaultFlood() {
        return new Hopping(HttpFlood.DEFAULT, List.of(), 5_000);
    }

    @Override
    public String name() {
        return "hopping";
    }

    @Override
    public void validate(Set<String> known) {
        for (String s : services) {
            if (!known.contains(s)) {
                throw new IllegalArgumentException("hopping service: " + s + " (expected: one of " + known + ")");
            }
        }
        inner.validate(known);
    }

    @Override
    public int sourcesNeeded() {
        return inner.sourcesNeeded();
    }
}
