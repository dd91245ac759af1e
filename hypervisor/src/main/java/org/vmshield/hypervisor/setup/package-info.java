/**
 * Host set-up: checks that this machine has what VMs need and installs it with apt-get when
 * running as root. Starting points: {@link org.vmshield.hypervisor.setup.HostPreflight} and
 * {@link org.vmshield.hypervisor.setup.CommandRunner} (the injected way to run external commands).
 */
package org.vmshield.hypervisor.setup;
