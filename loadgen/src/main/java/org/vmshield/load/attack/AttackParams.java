package org.vmshield.load.attack;

import java.util.List;

/**
 * Optional parameters for {@link AttackProfiles#of}: a {@code null} field keeps the profile's default.
 *
 * @param rateRps total request rate (http-flood, cost, flash-crowd; the flood of mixed)
 * @param sources distinct sources
 * @param connections connections held (conn-flood, slowloris)
 * @param connectRateRps new connections per second (conn-flood, slowloris)
 * @param costQuery the crafted query (cost, mixed)
 * @param costRateRps the cost part's rate in mixed
 * @param headerIntervalMillis slowloris header interval
 * @param innerProfile the profile that pulsing or hopping wraps (default http-flood)
 * @param pulseOnMillis pulsing on phase
 * @param pulseOffMillis pulsing off phase
 * @param hopMillis hopping interval
 * @param hopServices hopping services (default: all)
 */
public record AttackParams(
        Double rateRps,
        Integer sources,
        Integer connections,
        Double connectRateRps,
        String costQuery,
        Double costRateRps,
        Long headerIntervalMillis,
        String innerProfile,
        Long pulseOnMillis,
        Long pulseOffMillis,
        Long hopMillis,
        List<String> hopServices) {
    /** Every parameter at its default. */
    public static final AttackParams DEFAULTS =
            new AttackParams(null, null, null, null, null, null, null, null, null, null, null, null);
}
