package org.vmshield.demo.record;

/**
 * One of the measured targets and how this run did.
 *
 * @param name what is required, e.g. "detection <= 2 s after onset"
 * @param met whether the run met it
 * @param measured the measured figure, e.g. "1.5 s"
 */
public record Target(String name, boolean met, String measured) {
    /** Returns the target as one line of the summary. */
    public String line() {
        return String.format("  %-52s %-8s %s", name, met ? "met" : "NOT met", measured);
    }
}
