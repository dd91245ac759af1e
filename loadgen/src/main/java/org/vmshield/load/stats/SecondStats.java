package org.vmshield.load.stats;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.vmshield.load.FailureKind;

/**
 * The figures of one traffic class on one service during one second (requests resolved in it).
 *
 * @param requests requests resolved in the second
 * @param successes successes among them
 * @param failures failures by kind
 * @param successRate successes / requests, 1.0 when none
 * @param throughputRps successes per second
 * @param p50Ms median latency
 * @param p99Ms 99th percentile latency
 * @param maxMs maximum latency
 * @param connectionsHeld connections held by connection attacks at the end of the second
 * @param latencyHistogram the second's latency histogram (microseconds), compressed; for windows
 */
public record SecondStats(
        long requests,
        long successes,
        Map<FailureKind, Long> failures,
        double successRate,
        double throughputRps,
        double p50Ms,
        double p99Ms,
        double maxMs,
        long connectionsHeld,
        @JsonIgnore byte[] latencyHistogram) {

    /** Copies the map. */
    public SecondStats {
        failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    /** Returns the decoded latency histogram (microseconds). */
    public Histogram decodeLatency() {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(latencyHistogram), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("corrupt latency histogram", e); // we encoded it ourselves
        }
    }

    /** Returns the compressed form of {@code micros}. */
    static byte[] encode(Histogram micros) {
        ByteBuffer buf = ByteBuffer.allocate(micros.getNeededByteBufferCapacity());
        int length = micros.encodeIntoCompressedByteBuffer(buf, 1);
        byte[] out = new byte[length];
        buf.flip();
        buf.get(out);
        return out;
    }
}
