package org.vmshield.brain.incident;

/** What a detector saw. Every kind but {@link #FLASH_CROWD} is an attack. */
public enum IncidentKind {
    /** A pool's or backend's request or connection rate far above its learned baseline. */
    VOLUMETRIC_FLOOD,
    /** A VM at its CPU cap on a contended or throttled host, hurting its co-located VMs. */
    SATURATION,
    /** A path whose per-request backend time rose sharply at a modest request rate. */
    COST_ATTACK,
    /** Many long-open idle connections concentrated on few sources (slowloris). */
    CONNECTION_EXHAUSTION,
    /** A surge from many new sources at normal per-source rates and path mix: scale, never block. */
    FLASH_CROWD;

    /** Returns true for the kinds that justify blocking or filtering. */
    public boolean isAttack() {
        return this != FLASH_CROWD;
    }
}
