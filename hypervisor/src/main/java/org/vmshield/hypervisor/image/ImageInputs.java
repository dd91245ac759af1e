package org.vmshield.hypervisor.image;

/**
 * Everything an image is built from; an image is rebuilt exactly when these change.
 *
 * @param format the layout version of the builder itself (bumped when the initramfs layout changes)
 * @param kernel the kernel's identity
 * @param busyboxSha256 the SHA-256 of the busybox binary
 * @param scriptsSha256 the SHA-256 over the bundled guest files of this version
 */
public record ImageInputs(int format, KernelInputs kernel, String busyboxSha256, String scriptsSha256) {}
