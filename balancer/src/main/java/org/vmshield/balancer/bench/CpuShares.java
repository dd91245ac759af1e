package org.vmshield.balancer.bench;

/**
 * How the cores were used during one measured run, each as a share of one core's time (0..1).
 *
 * @param proxyShare CPU used by the proxy (all its threads and processes): near 1 means the proxy
 *     was the bottleneck
 * @param foreignShare CPU used on the proxy's core by anything but the proxy (another build, the
 *     benchmark's own JVM, the hypervisor's steal): above ~0.1 the figure is disturbed
 * @param clientCoreShare how busy the core of wrk and the backend was: near 1 with the proxy well
 *     under 1 means the client side, not the proxy, set the pace
 */
public record CpuShares(double proxyShare, double foreignShare, double clientCoreShare) {}
