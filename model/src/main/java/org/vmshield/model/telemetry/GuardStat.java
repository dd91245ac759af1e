package org.vmshield.model.telemetry;

/** Refusals by one guard rule over one interval. */
public record GuardStat(String ruleId, long requestsRefused, long connectionsRefused) {}
