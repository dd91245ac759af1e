package org.vmshield.model.telemetry;

import java.util.List;

/**
 * What is known of a pool's clients over one interval, in bounded memory.
 *
 * @param topByRequests heavy hitters by request rate (approximate, e.g. Space-Saving)
 * @param topByConnections heavy hitters by open connections
 * @param distinctSources estimate of the distinct sources seen in the interval
 * @param newSourcesPerSec estimate of sources per second not seen in the previous intervals
 * @param recentSources estimate of the distinct sources seen over the last half minute or so (longer
 *     than the gap between a normal client's requests, so that the rate per source can be judged, not
 *     only the ~1 request a slow client shows in one interval); 0 when unknown
 */
public record SourceStats(
        List<SourceStat> topByRequests, List<SourceStat> topByConnections, long distinctSources, double newSourcesPerSec,
        long recentSources) {
    /** No sources. */
    public static final SourceStats NONE = new SourceStats(List.of(), List.of(), 0, 0, 0);

    public SourceStats {
        topByRequests = List.copyOf(topByRequests);
        topByConnections = List.copyOf(topByConnections);
    }

    /** Creates figures without the recent-window count (unknown). */
    public SourceStats(
            List<SourceStat> topByRequests, List<SourceStat> topByConnections, long distinctSources, double newSourcesPerSec) {
        this(topByRequests, topByConnections, distinctSources, newSourcesPerSec, 0);
    }
}
