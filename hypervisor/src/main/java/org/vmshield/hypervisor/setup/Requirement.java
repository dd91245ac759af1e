package org.vmshield.hypervisor.setup;

/**
 * One thing VMs need on the host, and the Debian package that provides it.
 *
 * @param what what is needed, as shown to the user (e.g. "qemu-system-x86_64")
 * @param debianPackage the package apt-get installs for it
 */
public record Requirement(String what, String debianPackage) {}
