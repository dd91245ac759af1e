package org.vmshield.sim.scenario;

/** A scenario that cannot be run, with a message that says where and what was expected. */
public final class ScenarioException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message such as {@code hosts[2].cpuCores: -1 (expected: > 0)}. */
    public ScenarioException(String message) {
        super(message);
    }

    /** Creates an exception with a message and a cause. */
    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
