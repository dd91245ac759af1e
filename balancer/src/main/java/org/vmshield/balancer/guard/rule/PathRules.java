package org.vmshield.balancer.guard.rule;

import org.vmshield.balancer.guard.path.PathPattern;

/** Validates the path part shared by path rules. */
final class PathRules {
    private PathRules() {}

    static PathPattern pattern(String id, String prefix, String pattern) {
        try {
            return PathPattern.of(prefix, pattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rule " + id + ": " + e.getMessage(), e);
        }
    }
}
