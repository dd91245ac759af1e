package org.vmshield.load.schedule;

/**
 * One connection-holding attack stream of a run (conn-flood or slowloris).
 *
 * @param label a short name for logs
 * @param kind what each connection does once open
 * @param connections how many connections to hold while on
 * @param sources the source addresses (connection i uses source i mod count)
 * @param connectRateRps new connections per second at most
 * @param headerIntervalNanos for slowloris, the time between two header lines
 * @param startNanos the stream's start, from the run's start
 * @param endNanos the stream's end, from the run's start
 * @param gate on/off in time (pulsing): while off, the stream holds no connection
 * @param services the target in time (hopping): connections to another service are closed
 */
public record ConnectionStream(
        String label,
        Kind kind,
        int connections,
        SourceBlock sources,
        double connectRateRps,
        long headerIntervalNanos,
        long startNanos,
        long endNanos,
        TimeGate gate,
        ServiceSelector services) {

    /** What a held connection does. */
    public enum Kind {
        /** Sends nothing (conn-flood). */
        IDLE,
        /** Sends an unfinished request's headers slowly, never ending them (slowloris). */
        SLOW_HEADERS
    }
}
