package org.vmshield.balancer;

import java.util.List;

/**
 * A pool as the admin API and the Java API list it.
 *
 * @param name pool name
 * @param service the service it serves
 * @param strategy its selection strategy
 * @param listeners names of the listeners sending to it
 * @param backends its backends
 */
public record PoolView(String name, String service, String strategy, List<String> listeners, List<BackendView> backends) {
    /**
     * One backend.
     *
     * @param id backend id
     * @param address host:port
     * @param weight weight
     * @param state active, draining, paused or maintenance
     * @param healthy false while ejected or failing active checks
     * @param outstanding requests in flight to it
     * @param held requests held while it is paused
     */
    public record BackendView(String id, String address, int weight, String state, boolean healthy, int outstanding, int held) {}
}
