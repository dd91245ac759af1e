package org.vmshield.hypervisor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Measures the physical limit of a migration's channel: how long sending {@code bytes} over one
 * plain TCP connection on 127.0.0.1 takes, from connect to the last byte received.
 */
public final class LoopbackTransfer {
    static final int CHUNK = 1 << 20;

    private LoopbackTransfer() {}

    /** Returns the milliseconds a loopback TCP transfer of {@code bytes} takes (at least 1 byte). */
    public static double transferMillis(long bytes) throws IOException {
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes: " + bytes + " (expected: > 0)");
        }
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                    byte[] buf = new byte[CHUNK];
                    long total = 0;
                    while (total < bytes) {
                        int n = in.read(buf);
                        if (n < 0) {
                            break;
                        }
                        total += n;
                    }
                    return System.nanoTime();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            byte[] chunk = new byte[CHUNK];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (byte) (i * 31 + 7); // non-zero bytes, like the pages being copied
            }
            long start = System.nanoTime();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    OutputStream out = s.getOutputStream()) {
                long left = bytes;
                while (left > 0) {
                    int n = (int) Math.min(chunk.length, left);
                    out.write(chunk, 0, n);
                    left -= n;
                }
                out.flush();
                long end = received.get();
                return (end - start) / 1e6;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IOException("loopback receiver failed: " + e.getCause(), e.getCause());
            }
        }
    }
}
