/**
 * Backend health: {@link org.vmshield.balancer.health.ActiveHealthChecker} (HTTP checks with
 * rise/fall) and {@link org.vmshield.balancer.health.OutlierDetector} (passive ejection on
 * consecutive 5xx or connect failures, growing ejection time, cap on the share ejected).
 */
package org.vmshield.balancer.health;
