package org.vmshield.report.model;

/**
 * Records a filter rule the controller added to the balancer.
 *
 * @param id          the rule's id
 * @param description what it filters, e.g. "deny GET /search?q=* from 127.66.0.0/16"
 */
public record RuleAdded(String id, String description) {

    /** Validates the rule: an id and a description. */
    public RuleAdded {
        Checks.text("rule id", id);
        Checks.text("rule description", description);
    }
}
