package org.vmshield.brain.model;

/** How much a VM's service matters; the planner protects {@link #CRITICAL} VMs first. */
public enum Criticality {
    LOW,
    NORMAL,
    CRITICAL;

    /** Returns true when this criticality is at least {@code other}. */
    public boolean atLeast(Criticality other) {
        return compareTo(other) >= 0;
    }
}
