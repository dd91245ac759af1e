package org.vmshield.demo.scenario;

import java.util.List;
import org.vmshield.load.LoadPlan;
import org.vmshield.load.PathMix;
import org.vmshield.load.ServiceTarget;
import org.vmshield.load.attack.AttackParams;
import org.vmshield.load.attack.AttackProfile;
import org.vmshield.load.attack.AttackProfiles;

/**
 * The demo's load, sized for this machine. Under TCG a static request on a kept-alive connection
 * costs the small host about 1 ms of CPU (guest and QEMU: 400 req/s fill its 0.5 core; a new
 * connection adds a forked shell, about 7-10 ms), and v1's crafted {@code /search} (100 x "a") about
 * 0.33 s (v2's about 50 ms). The legitimate load (10 req/s per service) leaves the small host room;
 * every attack below asks it for more than it has (a flood of 400 req/s, or 4 crafted searches/s =
 * 1.3 cores), while the big host (1.0 core) can carry the attacked VM's flood once the cost part is
 * patched away. The flood of {@code mixed} is lighter (40 req/s): the cost part is what needs the
 * patched version.
 */
public final class LoadSizing {
    /** Legitimate requests per second to each service. */
    public static final double LEGIT_RPS = 10;
    /** Legitimate client addresses per service. */
    public static final int LEGIT_SOURCES = 50;
    /**
     * Legitimate path mix of the attacked service: static pages. Legitimate cheap searches were tried
     * (10 % and 5 %) to give {@code /search} a learned baseline; on the shared 2-core machine neither
     * made the cost detector fire reliably (see docs/demo.md, known limits), and they add noise.
     */
    public static final String ATTACKED_PATHS = "/";
    /** Legitimate path mix of the critical service. */
    public static final String CRITICAL_PATHS = "/";
    /** A request without a complete answer after this is a failure. */
    public static final long REQUEST_TIMEOUT_MILLIS = 2_000;

    // 2 req/s per source: under any per-source limit that spares a person behind a shared address
    static final double FLOOD_RPS = 400;
    static final double MIXED_FLOOD_RPS = 40;
    static final int FLOOD_SOURCES = 200;
    static final double COST_RPS = 4;
    // 100 x "a": a quarter of the default query's cost (the flaw is quadratic), about 0.33 s of guest
    // CPU, 0.65 s on the 0.5-core host: crafted requests complete within the clients' 2 s timeout,
    // so the balancer measures their backend time (with 200 x "a" they never completed, and a cost
    // nobody measures is never detected), and 4 per second still ask 1.3 cores of the small host.
    static final String COST_QUERY = "a".repeat(100);

    private LoadSizing() {}

    /** Returns the plan of a measured run: legitimate clients throughout, the attack inside the timeline. */
    public static LoadPlan plan(String attack, String attackedUrl, String criticalUrl, Timeline timeline, long seed) {
        return base(attackedUrl, criticalUrl, timeline.durationMillis(), seed)
                .attack(profile(attack), DemoTopology.ATTACKED, timeline.onsetMillis(), timeline.attackMillis())
                .build();
    }

    /** Returns a short plan of legitimate clients only: warms the JVM, the guests and the brain's baselines. */
    public static LoadPlan warmUp(String attackedUrl, String criticalUrl, long durationMillis, long seed) {
        return base(attackedUrl, criticalUrl, durationMillis, seed).build();
    }

    /** Returns the attack profile {@code attack} with the demo's rates. */
    public static AttackProfile profile(String attack) {
        return AttackProfiles.of(attack, params(attack));
    }

    static AttackParams params(String attack) {
        return switch (attack) {
            case "http-flood" -> flood(FLOOD_RPS, null, null, null, null);
            case "cost" -> new AttackParams(COST_RPS, null, null, null, COST_QUERY, null, null, null, null, null, null,
                    null);
            case "mixed" -> new AttackParams(MIXED_FLOOD_RPS, FLOOD_SOURCES, null, null, COST_QUERY, COST_RPS, null, null,
                    null, null, null, null);
            case "conn-flood" -> new AttackParams(null, 30, 300, 300.0, null, null, null, null, null, null, null, null);
            case "slowloris" -> new AttackParams(null, 20, 200, 200.0, null, null, 3_000L, null, null, null, null, null);
            case "flash-crowd" -> new AttackParams(40.0, 400, null, null, null, null, null, null, null, null, null, null);
            case "pulsing" -> flood(FLOOD_RPS, 4_000L, 4_000L, null, null);
            case "hopping" -> flood(FLOOD_RPS, null, null, 8_000L,
                    List.of(DemoTopology.ATTACKED, DemoTopology.CRITICAL));
            default -> throw new IllegalArgumentException("attack: " + attack + " (expected: one of "
                    + AttackProfiles.NAMES + ")");
        };
    }

    private static AttackParams flood(double rps, Long onMillis, Long offMillis, Long hopMillis, List<String> hops) {
        return new AttackParams(rps, FLOOD_SOURCES, null, null, null, null, null, "http-flood", onMillis, offMillis,
                hopMillis, hops);
    }

    private static LoadPlan.Builder base(String attackedUrl, String criticalUrl, long durationMillis, long seed) {
        return LoadPlan.builder()
                .service(ServiceTarget.of(DemoTopology.CRITICAL, criticalUrl, LEGIT_RPS)
                        .withPaths(PathMix.parse(CRITICAL_PATHS)))
                .service(ServiceTarget.of(DemoTopology.ATTACKED, attackedUrl, LEGIT_RPS)
                        .withPaths(PathMix.parse(ATTACKED_PATHS)))
                .legitSourcesPerService(LEGIT_SOURCES)
                .requestTimeoutMillis(REQUEST_TIMEOUT_MILLIS)
                .durationMillis(durationMillis)
                .seed(seed);
    }
}
