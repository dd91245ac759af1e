package org.vmshield.load.schedule;

import java.util.Random;
import org.vmshield.load.TrafficClass;

/**
 * One open-loop request stream of a run: when requests are sent, from which sources, to which
 * service and path, and in which window. Holds the stream's mutable arrival process, so it is
 * used by one run only.
 *
 * @param label a short name for logs, such as {@code legit:web} or {@code http-flood:web}
 * @param trafficClass the class the requests are recorded under
 * @param startNanos the stream's start, from the run's start
 * @param endNanos the stream's end, from the run's start (arrivals at or after it are not sent)
 * @param arrivals the send times and sources
 * @param sources the source addresses
 * @param paths the path choice
 * @param gate on/off in time (pulsing)
 * @param services the target in time (hopping)
 * @param random the random source of path choices
 * @param perSourceCapRps if &gt; 0, no source sends faster than this even when the stream runs late
 *     (late arrivals that would burst over the cap are skipped), else 0
 * @param timeoutNanos how long a request of this stream waits for its answer, if &gt; 0; else the
 *     plan's request timeout
 */
public record RequestStream(
        String label,
        TrafficClass trafficClass,
        long startNanos,
        long endNanos,
        ArrivalProcess arrivals,
        SourceBlock sources,
        PathChoice paths,
        TimeGate gate,
        ServiceSelector services,
        Random random,
        double perSourceCapRps,
        long timeoutNanos) {}
