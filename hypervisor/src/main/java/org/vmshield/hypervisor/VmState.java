package org.vmshield.hypervisor;

/** The life stage of a VM as the hypervisor sees it. */
public enum VmState {
    /** Booting, not serving yet. */
    STARTING,
    /** Running and serving. */
    RUNNING,
    /** Running and serving while a live migration copies it to another host. */
    MIGRATING,
    /** Gone: stopped, or its process died. */
    STOPPED
}
