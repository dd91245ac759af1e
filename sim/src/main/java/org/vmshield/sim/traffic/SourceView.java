package org.vmshield.sim.traffic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vmshield.model.telemetry.SourceStat;

/**
 * What the balancer's source summaries show of one pool in one tick: the heavy hitters by
 * requests (their rates include refused requests, as the balancer counts them) and by open
 * connections, the distinct sources of the tick and of the balancer's recent window, and the
 * sources that are new (the last two from {@link SourceWindow}).
 *
 * @param topByRequests heavy hitters by request rate
 * @param topByConnections heavy hitters by open connections
 * @param distinct distinct sources
 * @param newPerSec new sources per second
 * @param recent distinct sources over the balancer's recent window (25-30 s)
 * @param connectionsOpen client connections open
 */
public record SourceView(List<SourceStat> topByRequests, List<SourceStat> topByConnections, long distinct,
        double newPerSec, long recent, long connectionsOpen) {
    /** Legitimate clients churn: this share of them is new each second. */
    static final double LEGIT_CHURN_PER_SEC = 0.01;
    /** Legitimate clients keep about two connections open each (keep-alive). */
    static final int LEGIT_OPEN_EACH = 2;

    /** Returns the view of a pool's traffic, with at most {@code top} heavy hitters per list. */
    public static SourceView of(PoolTraffic p, int top) {
        List<SourceStat> candidates = new ArrayList<>();
        long distinct = 0;
        long open = 0;
        for (SourceGroup g : p.groups) {
            distinct += g.count;
            int each = g.legit ? LEGIT_OPEN_EACH : 1;
            open += (long) g.count * each;
            int n = Math.min(g.count, top);
            for (int i = 0; i < n; i++) {
                // legitimate clients differ a little (deterministically); attack sources send alike
                double rate = g.legit ? g.rpsEach * (0.75 + 0.5 * ((i * 0.6180339887) % 1.0)) : g.rpsEach;
                double admitted = g.legit ? rate * g.admitted(i) / g.rpsEach : g.admitted(i);
                candidates.add(new SourceStat(g.address(i), rate, each, 0, Math.max(0, rate - admitted)));
            }
        }
        List<SourceStat> byReq = new ArrayList<>(candidates);
        byReq.sort(Comparator.comparingDouble(SourceStat::requestsPerSec).reversed().thenComparing(SourceStat::address));
        List<SourceStat> byConn = new ArrayList<>(candidates);
        byConn.sort(Comparator.comparingLong(SourceStat::openConnections).reversed().thenComparing(SourceStat::address));
        return new SourceView(List.copyOf(byReq.subList(0, Math.min(top, byReq.size()))),
                List.copyOf(byConn.subList(0, Math.min(top, byConn.size()))), distinct, p.window.newPerSec(),
                Math.round(p.window.recent()), open);
    }
}
