/**
 * Local hosts: named capacity slices of this machine, enforced with cgroups (v1 or v2).
 *
 * <p>Start with {@link org.vmshield.hypervisor.host.LocalHostCgroups#detect()}, then
 * {@link org.vmshield.hypervisor.host.LocalHostCgroups#create create(host, cpuCores, memoryMiB)}
 * for a {@link org.vmshield.hypervisor.host.LocalHostSlice}. Start a process inside it with
 * {@link org.vmshield.hypervisor.host.LocalHostSlice#wrapCommand} (or move one in with
 * {@code addProcess}), sample it with {@code usage()} (a
 * {@link org.vmshield.hypervisor.host.SliceUsage}), and remove it with {@code remove()};
 * {@code removeAll()} cleans up every slice, also those of a killed controller.
 *
 * <p>Layout: v1 puts slices at {@code <hierarchy>/<own cgroup>/vmshield/<host>} for the cpu,
 * cpuacct and memory hierarchies (below the cgroup this JVM runs in, so VMs never escape its
 * limits; on a plain machine that is the root, e.g. {@code /sys/fs/cgroup/cpu/vmshield/small});
 * v2 at {@code <cgroup2 mount>/vmshield/<host>}. A VM capped below its host
 * ({@link org.vmshield.hypervisor.host.VmCpuGroups}, v1 only) gets a child group in the cpu hierarchy,
 * {@code cpu/.../vmshield/<host>/<instance>}. Errors are
 * {@link org.vmshield.hypervisor.host.CgroupException}s naming the file. Needs root.
 */
package org.vmshield.hypervisor.host;
