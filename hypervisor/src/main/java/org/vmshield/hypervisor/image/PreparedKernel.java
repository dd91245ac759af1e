package org.vmshield.hypervisor.image;

import java.nio.file.Path;
import java.util.Map;

/**
 * A kernel ready to boot, with the virtio network modules to put into the initramfs.
 *
 * @param vmlinuz the kernel image
 * @param modules module name (e.g. "virtio_net") to its uncompressed .ko file; built-in ones are absent
 */
record PreparedKernel(Path vmlinuz, Map<String, Path> modules) {}
