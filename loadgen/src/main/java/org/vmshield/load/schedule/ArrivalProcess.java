package org.vmshield.load.schedule;

/** Generates the send times of an open-loop stream, independent of how fast responses come back. */
public interface ArrivalProcess {
    /** Returns the next arrival; offsets never decrease. */
    Arrival next();
}
