package org.vmshield.hypervisor.image;

import java.nio.file.Path;

/**
 * A built guest image: the kernel and the initramfs to boot with {@code -kernel} and {@code -initrd}.
 *
 * @param version the service version it runs ("v1" or "v2")
 * @param kernel the kernel image (bzImage)
 * @param initrd the gzip-compressed newc cpio initramfs
 * @param sha256 the SHA-256 of the initrd file, lower-case hex
 */
public record GuestImage(String version, Path kernel, Path initrd, String sha256) {}
