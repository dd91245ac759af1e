package org.vmshield.hypervisor.qemu;

import java.nio.file.Path;

/**
 * What QEMU boots for one image version: a kernel and an initramfs.
 *
 * @param version the image version
 * @param kernel the kernel image
 * @param initrd the initramfs
 */
public record BootFiles(String version, Path kernel, Path initrd) {}
