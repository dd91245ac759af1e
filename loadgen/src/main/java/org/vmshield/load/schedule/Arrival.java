package org.vmshield.load.schedule;

/**
 * One scheduled request of a stream.
 *
 * @param offsetNanos when to send it, from the stream's start
 * @param source the index of the sending source within the stream's source block
 */
public record Arrival(long offsetNanos, int source) {}
