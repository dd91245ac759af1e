package org.vmshield.sim.scenario;

/**
 * One request path of a service and what its requests cost.
 *
 * @param path the path, e.g. {@code /search}
 * @param share share of legitimate requests that ask for it (0..1; a service's shares sum to 1)
 * @param costMillis CPU time per request (ms of one core)
 * @param attackCostMillis CPU time of a crafted request on this path in a version that is vulnerable on
 *     it (the cost attack); {@code costMillis} when absent
 */
public record PathSpec(String path, double share, double costMillis, Double attackCostMillis) {
    /** Returns the cost of a crafted request in a vulnerable version. */
    public double craftedCostMillis() {
        return attackCostMillis == null ? costMillis : attackCostMillis;
    }
}
