package org.vmshield.balancer.config;

import java.util.List;
import org.vmshield.balancer.pool.Backend;
import org.vmshield.balancer.pool.BackendAddress;
import org.vmshield.balancer.pool.BackendState;

/**
 * One backend of a pool.
 *
 * @param id unique in its pool (by convention the VM's name)
 * @param address {@code host:port}
 * @param weight 0..10000, default 100
 * @param state active (default), draining, paused or maintenance
 */
public record BackendConfig(String id, String address, Integer weight, String state) {
    /** Default weight. */
    public static final int DEFAULT_WEIGHT = 100;

    public BackendConfig {
        weight = weight == null ? DEFAULT_WEIGHT : weight;
        state = state == null ? "active" : state;
    }

    /** Adds a message to {@code errors} for every invalid field; {@code at} names this backend. */
    public void validate(String at, List<String> errors) {
        Validation.name(at + ".id", id, errors);
        Validation.check(errors, () -> BackendAddress.parse(at + ".address", address));
        if (weight < 0 || weight > Backend.MAX_WEIGHT) {
            errors.add(at + ".weight: " + weight + " (expected: 0.." + Backend.MAX_WEIGHT + ")");
        }
        Validation.check(errors, () -> BackendState.parse(at + ".state", state));
    }
}
