package org.vmshield.balancer.admin;

/**
 * The body of a backend change: any of weight, state, address; absent fields are left as they are.
 *
 * @param weight new weight, 0..10000
 * @param state active, draining, paused or maintenance
 * @param address new {@code host:port}
 */
public record BackendPatch(Integer weight, String state, String address) {
    /** Returns true when no field is given. */
    public boolean empty() {
        return weight == null && state == null && address == null;
    }
}
