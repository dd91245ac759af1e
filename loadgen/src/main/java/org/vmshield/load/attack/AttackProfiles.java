package org.vmshield.load.attack;

import java.util.List;

/** Builds profiles by name with optional parameters, for the command line and the demo. */
public final class AttackProfiles {
    /** The profile names, as the command line spells them. */
    public static final List<String> NAMES = List.of(
            "http-flood", "cost", "conn-flood", "slowloris", "flash-crowd", "pulsing", "hopping", "mixed");

    private AttackProfiles() {}

    /** Returns the profile {@code name} with {@code p}'s non-null parameters; throws IllegalArgumentException. */
    public static AttackProfile of(String name, AttackParams p) {
        switch (name == null ? "" : name) {
            case "http-flood": {
                HttpFlood d = HttpFlood.DEFAULT;
                return new HttpFlood(or(p.sources(), d.sources()), or(p.rateRps(), d.rateRps()), d.paths());
            }
            case "cost": {
                CostAttack d = CostAttack.DEFAULT;
                return new CostAttack(or(p.sources(), d.sources()), or(p.rateRps(), d.rateRps()),
                        or(p.costQuery(), d.query()));
            }
            case "conn-flood": {
                ConnFlood d = ConnFlood.DEFAULT;
                return new ConnFlood(or(p.connections(), d.connections()), or(p.sources(), d.sources()),
                        or(p.connectRateRps(), d.connectRateRps()));
            }
            case "slowloris": {
                Slowloris d = Slowloris.DEFAULT;
                return new Slowloris(or(p.connections(), d.connections()), or(p.sources(), d.sources()),
                        or(p.connectRateRps(), d.connectRateRps()), or(p.headerIntervalMillis(), d.headerIntervalMillis()));
            }
            case "flash-crowd": {
                FlashCrowd d = FlashCrowd.DEFAULT;
                return new FlashCrowd(or(p.sources(), d.sources()), or(p.rateRps(), d.rateRps()), null);
            }
            case "pulsing":
                return new Pulsing(inner(p), or(p.pulseOnMillis(), 2_000L), or(p.pulseOffMillis(), 2_000L));
            case "hopping":
                return new Hopping(inner(p), or(p.hopServices(), List.of()), or(p.hopMillis(), 5_000L));
            case "mixed": {
                Mixed d = Mixed.DEFAULT;
                HttpFlood flood = new HttpFlood(or(p.sources(), d.flood().sources()),
                        or(p.rateRps(), d.flood().rateRps()), d.flood().paths());
                CostAttack cost = new CostAttack(d.cost().sources(), or(p.costRateRps(), d.cost().rateRps()),
                        or(p.costQuery(), d.cost().query()));
                return new Mixed(flood, cost);
            }
            default:
                throw new IllegalArgumentException("attack profile: " + name + " (expected: one of " + NAMES + ")");
        }
    }

    private static AttackProfile inner(AttackParams p) {
        String inner = or(p.innerProfile(), "http-flood");
        if (inner.equals("pulsing") || inner.equals("hopping")) {
            throw new IllegalArgumentException("inner profile: " + inner + " (expected: a profile other than pulsing or hopping)");
        }
        return of(inner, p);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
