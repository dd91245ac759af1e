/**
 * The controller's commands: {@link org.vmshield.controller.cli.RunCommand} ({@code vmshield run})
 * and {@link org.vmshield.controller.cli.CtlCommand} ({@code vmshield ctl}).
 */
package org.vmshield.controller.cli;
