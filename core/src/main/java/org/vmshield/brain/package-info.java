/**
 * The brain: attack detection and mitigation planning as pure, deterministic code, driven one
 * tick at a time by the live controller or the simulator. Start at
 * {@link org.vmshield.brain.Brain#tick}; detectors live in {@code brain.detect}, incidents in
 * {@code brain.incident}, the cluster model in {@code brain.model}, the planner in
 * {@code brain.plan}, the pre-copy model in {@code brain.migration}.
 */
package org.vmshield.brain;
