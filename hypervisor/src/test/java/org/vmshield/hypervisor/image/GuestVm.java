package org.vmshield.hypervisor.image;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A QEMU process booting a guest image with user networking and a loopback port forward (a test helper). */
final class GuestVm implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path serialLog;

    private GuestVm(Process process, int port, Path serialLog) {
        this.process = process;
        this.port = port;
        this.serialLog = serialLog;
    }

    /** Starts QEMU (TCG, 1 vCPU, 256 MiB) on {@code image}, forwarding a free loopback port to the guest's port 80. */
    static GuestVm boot(GuestImage image, Path workDir) throws IOException {
        int port = freeLoopbackPort();
        Path serial = workDir.resolve("serial-" + image.version() + ".log");
        Process process = new ProcessBuilder(List.of(
                        "qemu-system-x86_64", "-accel", "tcg", "-m", "256", "-smp", "1",
                        "-nographic", "-no-reboot", "-nodefaults",
                        "-kernel", image.kernel().toString(), "-initrd", image.initrd().toString(),
                        "-append", "console=ttyS0 quiet panic=-1",
                        "-netdev", "user,id=n0,hostfwd=tcp:127.0.0.1:" + port + "-:80",
                        "-device", "virtio-net-pci,netdev=n0",
                        "-serial", "file:" + serial, "-monitor", "none"))
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("qemu-" + image.version() + ".out").toFile())
                .start();
        return new GuestVm(process, port, serial);
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String console() throws IOException {
        return Files.exists(serialLog) ? Files.readString(serialLog) : "";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
