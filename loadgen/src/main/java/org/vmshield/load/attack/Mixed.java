package org.vmshield.load.attack;

/**
 * Mixed: a distributed flood and a cost attack at the same time against the same service, the
 * canonical scenario's attack (it needs filtering, migration and a version switch).
 *
 * @param flood the distributed flood
 * @param cost the cost attack
 */
public record Mixed(HttpFlood flood, CostAttack cost) implements AttackProfile {
    /** Default: the default flood and the default cost attack. */
    public static final Mixed DEFAULT = new Mixed(HttpFlood.DEFAULT, CostAttack.DEFAULT);

    /** Validates the parameters. */
    public Mixed {
        if (flood == null || cost == null) {
            throw new IllegalArgumentException("mixed: flood and cost are required (expected: both non-null)");
        }
    }

    @Override
    public String name() {
        return "mixed";
    }

    @Override
    public int sourcesNeeded() {
        return flood.sources() + cost.sources();
    }
}
