package org.vmshield.load.schedule;

/** Says whether a stream is switched on at a time offset from its start (the pulsing profile's on/off). */
@FunctionalInterface
public interface TimeGate {
    /** Always on. */
    TimeGate ALWAYS = offsetNanos -> true;

    /** Returns whether the stream sends (or holds connections) at {@code offsetNanos} from its start. */
    boolean isOn(long offsetNanos);

    /** Returns a gate that is on for {@code onMillis}, off for {@code offMillis}, repeating, on first. */
    static TimeGate pulsing(long onMillis, long offMillis) {
        long on = onMillis * 1_000_000L;
        long period = (onMillis + offMillis) * 1_000_000L;
        return offsetNanos -> Math.floorMod(offsetNanos, period) < on;
    }

    /** Returns a gate that is on when both this and {@code other} are on. */
    default TimeGate and(TimeGate other) {
        return offsetNanos -> isOn(offsetNanos) && other.isOn(offsetNanos);
    }
}
