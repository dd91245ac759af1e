package org.vmshield.hypervisor.qemu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.BitSet;
import java.util.List;
import org.vmshield.hypervisor.Endpoint;

/**
 * QEMU user networking: each QEMU process forwards a free port of 127.0.0.1 to the guest's port
 * 80, so a migrated VM answers on a new endpoint. Needs no privileges.
 */
final class UserNetwork implements VmNetwork {
    private final BitSet used = new BitSet();

    @Override
    public synchronized VmAddress assign(String vm) {
        int index = used.nextClearBit(1);
        used.set(index);
        return new VmAddress(Macs.forIndex(index), index, vm, null);
    }

    @Override
    public Attachment attach(VmAddress address, String instanceId) {
        int port = freeLoopbackPort();
        return new Attachment(new NicConfig.User(address.mac(), port), new Endpoint("127.0.0.1", port), List.of(),
                () -> {});
    }

    @Override
    public synchronized void release(VmAddress address) {
        used.clear(address.index());
    }

    @Override
    public String mode() {
        return "user";
    }

    @Override
    public void close() {}

    /** Returns a port that was free a moment ago; QEMU fails clearly in the rare case it was taken since. */
    static int freeLoopbackPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        }
    }
}
