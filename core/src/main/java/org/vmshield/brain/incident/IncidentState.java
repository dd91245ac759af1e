package org.vmshield.brain.incident;

/**
 * The life of an incident: {@code OPEN -> MITIGATING -> RESOLVED} (or {@code OPEN -> RESOLVED}
 * when it ends before anything was done). The detection engine opens and resolves; the brain marks
 * an incident mitigating once a plan acts on it ({@code DetectionEngine.markMitigating}).
 */
public enum IncidentState {
    /** Detected; no action taken yet. */
    OPEN,
    /** An action against it was planned or is in flight. */
    MITIGATING,
    /** Quiet for the hold-down time; its mitigations may be undone. */
    RESOLVED
}
