package org.vmshield.report.model;

/**
 * Records a completed switch of a VM to another version of its service.
 *
 * @param vm      the VM whose version changed
 * @param from    the old version
 * @param to      the new version
 * @param startMs when it started, in ms from the start of the run
 * @param seconds how long it took, from start to the old VM drained and stopped
 */
public record VersionSwitch(String vm, String from, String to, long startMs, double seconds) {

    /** Validates the switch: names present, times >= 0. */
    public VersionSwitch {
        Checks.text("version switch vm", vm);
        Checks.text("version switch from", from);
        Checks.text("version switch to", to);
        Checks.nonNegative("version switch startMs", startMs);
        Checks.nonNegative("version switch seconds", seconds);
    }
}
