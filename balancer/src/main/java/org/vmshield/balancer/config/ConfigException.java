package org.vmshield.balancer.config;

import java.util.List;

/** Thrown when a configuration (file or admin request body) is invalid; lists every problem found. */
public final class ConfigException extends Exception {
    private final List<String> problems;

    /** Creates the exception from a list of messages, each naming a field and what was expected. */
    public ConfigException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Returns the problems, one message per field. */
    public List<String> problems() {
        return problems;
    }
}
