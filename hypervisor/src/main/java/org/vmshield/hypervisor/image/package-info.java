/**
 * Guest images: a Debian cloud kernel and a deterministic busybox initramfs that runs the sample
 * service (v1 with the search flaw, v2 patched), cached with a manifest under {@code $VMSHIELD_HOME/images}.
 * Starting points: {@link org.vmshield.hypervisor.image.GuestImages} (build, list) and
 * {@link org.vmshield.hypervisor.image.GuestImage} (what to boot). The guest contract is in docs/guest-image.md.
 */
package org.vmshield.hypervisor.image;
