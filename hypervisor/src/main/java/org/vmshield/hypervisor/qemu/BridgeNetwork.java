package org.vmshield.hypervisor.qemu;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vmshield.hypervisor.Endpoint;
import org.vmshield.hypervisor.net.NamespaceNetwork;

/**
 * Bridge networking: vmshield's network namespace with a bridge, one tap per QEMU process, and a
 * veth pair into the root namespace. A VM keeps its address (and MAC) across migrations, so its
 * endpoint {@code 10.213.0.x:80} never changes.
 */
final class BridgeNetwork implements VmNetwork {
    private final NamespaceNetwork net;

    private BridgeNetwork(NamespaceNetwork net) {
        this.net = net;
    }

    /** Creates (or reuses) the namespace, bridge and veth pair. Needs root. */
    static BridgeNetwork create() {
        NamespaceNetwork net = NamespaceNetwork.standard();
        net.ensure();
        return new BridgeNetwork(net);
    }

    @Override
    public VmAddress assign(String vm) {
        String ip = net.ipFor(vm);
        return new VmAddress(NamespaceNetwork.macFor(ip), ipIndex(ip), vm, ip);
    }

    @Override
    public Attachment attach(VmAddress address, String instanceId) {
        String tap = net.allocateTap(instanceId);
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                net.releaseTap(tap);
            }
        };
        var settings = net.settings();
        NicConfig nic = new NicConfig.Tap(address.mac(), tap, address.ip() + "/" + settings.prefixLength(),
                settings.gateway());
        return new Attachment(nic, new Endpoint(address.ip(), 80), net.commandPrefix(), release);
    }

    @Override
    public void release(VmAddress address) {
        net.releaseIp(address.vm());
    }

    @Override
    public String mode() {
        return "bridge";
    }

    /**
     * Removes the namespace, its links and the veth pair, unless VMs of another controller still
     * run in it (then they keep their network; the last one out removes it).
     */
    @Override
    public void close() {
        cleanup(false);
    }

    /**
     * Removes vmshield's network, also one left by a killed controller; unless {@code evenIfUsed},
     * only when no process runs in its namespace any more. Returns whether it was removed.
     */
    static boolean cleanup(boolean evenIfUsed) {
        NamespaceNetwork net = NamespaceNetwork.standard();
        if (!net.exists() || (!evenIfUsed && !net.processes().isEmpty())) {
            return false;
        }
        NamespaceNetwork.cleanupAll();
        return true;
    }

    private static int ipIndex(String ip) {
        return Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1));
    }
}
