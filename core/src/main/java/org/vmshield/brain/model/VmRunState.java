package org.vmshield.brain.model;

/** Life state of a VM as the controller knows it. */
public enum VmRunState {
    STARTING,
    RUNNING,
    MIGRATING,
    PAUSED,
    STOPPING,
    STOPPED;

    /** Returns true when the VM takes a share of its host (anything but stopped). */
    public boolean occupiesHost() {
        return this != STOPPED;
    }
}
