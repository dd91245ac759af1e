/**
 * Bridge networking for QEMU VMs in a network namespace of the project's own.
 *
 * <p>Start with {@link org.vmshield.hypervisor.net.NamespaceNetwork#standard()} and
 * {@link org.vmshield.hypervisor.net.NamespaceNetwork#ensure() ensure()}; then per QEMU process
 * {@code allocateTap}, {@code commandPrefix()} ({@code ip netns exec vmshield}), {@code ipFor} and
 * {@code macFor}; {@link org.vmshield.hypervisor.net.NamespaceNetwork#cleanupAll()} removes it all.
 * Names and addresses are in {@link org.vmshield.hypervisor.net.NetworkSettings} (default:
 * namespace {@code vmshield}, bridge {@code br0}, root link {@code vms0} with 10.213.0.1/24, VMs
 * from 10.213.0.10). Failures of {@code ip} are
 * {@link org.vmshield.hypervisor.net.NetworkException}s carrying its stderr. Needs root.
 */
package org.vmshield.hypervisor.net;
