package org.vmshield.balancer.bench;

/**
 * How the cores were used during one measured run, each as a share of one core's time (0..1).
 *
 * @param proxyUserShare CPU used by the proxy (all its threads and processes) in user mode
 * @param proxySystemShare CPU used by the proxy in the kernel (on loopback most of it: TCP both ways,
 *     including the delivery of its packets to wrk's and the backend's sockets)
 * @param foreignShare CPU used on the proxy's core by anything but the proxy (another build, the
 *     benchmark's own JVM, the hypervisor's steal): above ~0.1 the figure is disturbed
 * @param clientCoreShare how busy the core of wrk and the backend was: near 1 with the proxy well
 *     under 1 means the client side, not the proxy, set the pace
 * @param clientForeignShare CPU used on the client core by anything but wrk and the backend: above
 *     ~0.1 the figure is disturbed too (a slowed client slows the proxy it measures)
 */
public record CpuShares(double proxyUserShare, double proxySystemShare, double foreignShare, double clientCoreShare,
        double clientForeignShare) {
    /** Returns the CPU used by the proxy, user and system (near 1: the proxy was the bottleneck). */
    public double proxyShare() {
        return Math.min(1, proxyUserShare + proxySystemShare);
    }
}
