/**
 * QMP, the JSON protocol QEMU speaks on its control socket.
 *
 * <p>Start with {@link org.vmshield.hypervisor.qmp.QmpClient}: {@code connect} a UNIX socket
 * (greeting and capability negotiation included), then {@code call} (blocking) or {@code send}
 * (asynchronous, per-command timeout) commands; listen to {@link org.vmshield.hypervisor.qmp.QmpEvent}s
 * with {@code onEvent} or wait for one with {@code nextEvent}; {@code closedFuture} tells when QEMU
 * went away. Failures are typed: {@link org.vmshield.hypervisor.qmp.QmpErrorException} (QEMU
 * refused the command), {@link org.vmshield.hypervisor.qmp.QmpTimeoutException} and
 * {@link org.vmshield.hypervisor.qmp.QmpConnectionLostException}, all
 * {@link org.vmshield.hypervisor.qmp.QmpException}s.
 */
package org.vmshield.hypervisor.qmp;
