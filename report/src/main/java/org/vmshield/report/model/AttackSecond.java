package org.vmshield.report.model;

/**
 * Records the attack traffic during one second of the run.
 *
 * @param second     the second of the run this sample covers
 * @param sentRps    attack requests (or connections, for connection attacks) sent during that second
 * @param blockedRps of those, the ones the balancer's guards refused (0 when unknown)
 */
public record AttackSecond(int second, double sentRps, double blockedRps) {

    /** Validates the sample: non-negative rates. */
    public AttackSecond {
        Checks.nonNegative("second", second);
        Checks.nonNegative("sentRps", sentRps);
        Checks.nonNegative("blockedRps", blockedRps);
    }
}
