/**
 * The QEMU driver of {@link org.vmshield.hypervisor.Hypervisor}: one QEMU process per VM (two
 * during a migration), driven over QMP, placed in its host's cgroup, networked in bridge or user
 * mode.
 *
 * <p>Start with {@link org.vmshield.hypervisor.qemu.QemuHypervisor#create}. Migration runs in
 * {@code QemuMigration}; KVM-or-TCG is decided by {@link org.vmshield.hypervisor.qemu.AccelProbe};
 * {@link org.vmshield.hypervisor.qemu.QemuCleanup} removes everything after a crash.
 */
package org.vmshield.hypervisor.qemu;
