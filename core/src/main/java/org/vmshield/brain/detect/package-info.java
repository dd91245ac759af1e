/**
 * Attack detectors: volumetric flood (with flash crowd told apart), hypervisor-side saturation,
 * cost attack and connection exhaustion, on adaptive EWMA baselines that do not learn an attack as
 * normal. Pure, deterministic, constant memory per tracked series.
 * Start at {@link org.vmshield.brain.detect.DetectionEngine} and
 * {@link org.vmshield.brain.detect.DetectorConfig}; docs/detection.md explains each detector.
 */
package org.vmshield.brain.detect;
