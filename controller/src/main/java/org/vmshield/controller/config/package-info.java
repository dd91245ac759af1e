/**
 * The controller's configuration: hosts, services with their version catalogues, VMs to start,
 * migration limits, the tick, dry-run, the journal and the admin API. Start at
 * {@link org.vmshield.controller.config.ControllerConfigFile#load}, which returns a validated
 * {@link org.vmshield.controller.config.ControllerConfig}.
 */
package org.vmshield.controller.config;
