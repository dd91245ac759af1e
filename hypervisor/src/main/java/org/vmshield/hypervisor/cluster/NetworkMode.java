package org.vmshield.hypervisor.cluster;

/** How VMs reach the network. */
public enum NetworkMode {
    /** A bridge in vmshield's own network namespace; a VM keeps its address across migration (needs root). */
    BRIDGE,
    /** QEMU user networking with a port forward on 127.0.0.1; the endpoint changes on migration. */
    USER;

    /** Returns the default: bridge when running as root, else user. */
    public static NetworkMode defaultFor(boolean root) {
        return root ? BRIDGE : USER;
    }
}
