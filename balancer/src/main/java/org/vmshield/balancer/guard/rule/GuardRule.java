package org.vmshield.balancer.guard.rule;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One guard rule: an immutable, validated value with an id and an optional TTL. The JSON/YAML
 * form carries a {@code type} field naming the kind of rule; see docs/guards.md.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CidrRule.class, name = CidrRule.TYPE),
    @JsonSubTypes.Type(value = SourceRateRule.class, name = SourceRateRule.TYPE),
    @JsonSubTypes.Type(value = SourceConnectionLimitRule.class, name = SourceConnectionLimitRule.TYPE),
    @JsonSubTypes.Type(value = SourceConnectionRateRule.class, name = SourceConnectionRateRule.TYPE),
    @JsonSubTypes.Type(value = PathDenyRule.class, name = PathDenyRule.TYPE),
    @JsonSubTypes.Type(value = PathRateRule.class, name = PathRateRule.TYPE),
    @JsonSubTypes.Type(value = PathInFlightRule.class, name = PathInFlightRule.TYPE)
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface GuardRule
        permits CidrRule,
                SourceRateRule,
                SourceConnectionLimitRule,
                SourceConnectionRateRule,
                PathDenyRule,
                PathRateRule,
                PathInFlightRule {
    /** The type names accepted in the {@code type} field. */
    String TYPES = "cidr, sourceRate, sourceConnections, sourceConnectionRate, pathDeny, pathRate, pathInFlight";

    /** Returns the rule's id, unique in a rule set. */
    String id();

    /** Returns the rule's time to live in seconds, or null when it never expires. */
    Long ttlSeconds();

    /** Returns the same rule with another TTL (null: never expires). */
    GuardRule withTtlSeconds(Long ttlSeconds);

    /** Returns the rule's type name as written in YAML/JSON. */
    @JsonIgnore
    String type();

    /** Returns true when this rule enforces the same thing as {@code other}, whatever their TTLs. */
    default boolean sameEffectAs(GuardRule other) {
        return other != null && withTtlSeconds(null).equals(other.withTtlSeconds(null));
    }
}
