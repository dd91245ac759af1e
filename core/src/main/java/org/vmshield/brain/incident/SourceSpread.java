package org.vmshield.brain.incident;

/** How an incident's traffic is spread over its sources: what decides whether filtering helps. */
public enum SourceSpread {
    /** A few sources carry most of it: filtering them is cheap and effective. */
    CONCENTRATED,
    /** Many sources share it: filtering would cut legitimate clients too. */
    DISTRIBUTED,
    /** Not a source-driven incident (saturation), or no source figures. */
    UNKNOWN
}
