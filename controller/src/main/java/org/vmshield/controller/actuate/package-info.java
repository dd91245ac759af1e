/**
 * Acting: {@link org.vmshield.controller.actuate.Actuator} executes the brain's actions step by
 * step, with a timeout per step and a check after each, journaling every step; migrations and
 * version switches run off the control loop's thread and are shown as
 * {@link org.vmshield.controller.actuate.ActionView}s.
 */
package org.vmshield.controller.actuate;
