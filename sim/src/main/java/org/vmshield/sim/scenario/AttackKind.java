package org.vmshield.sim.scenario;

/** Kinds of traffic surges a scenario can schedule. */
public enum AttackKind {
    /** Many requests on one path from {@code sources} addresses (few: concentrated; many: distributed). */
    FLOOD,
    /** Crafted requests on a path that is expensive in a vulnerable version, at a modest rate. */
    COST,
    /** Legitimate users arriving in numbers: the usual per-client rate and path mix. Counted as legitimate. */
    FLASH_CROWD
}
