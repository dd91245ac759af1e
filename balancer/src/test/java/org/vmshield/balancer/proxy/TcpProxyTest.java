package org.vmshield.balancer.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.testing.Balancers;

class TcpProxyTest {
    @Test
    void bytesAreRelayedBothWaysAndAClosedBackendClosesTheClient() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                while (!echo.isClosed()) {
                    try (Socket s = echo.accept()) {
                        s.getInputStream().transferTo(s.getOutputStream());
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            server.setDaemon(true);
            server.start();
            try (Balancer b = Balancers.builder().tcp().backend("db", "127.0.0.1:" + echo.getLocalPort()).start();
                    Socket c = new Socket(InetAddress.getLoopbackAddress(), b.listenerPort("web"))) {
                byte[] data = new byte[2 << 20];
                new Random(3).nextBytes(data);
                Thread writer = new Thread(() -> {
                    try {
                        OutputStream out = c.getOutputStream();
                        out.write(data);
                        c.shutdownOutput();
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                writer.start();
                InputStream in = c.getInputStream();
                byte[] got = in.readAllBytes();
                writer.join();
                assertThat(got.length).isEqualTo(data.length);
                assertThat(java.util.Arrays.equals(got, data)).isTrue();
            }
        }
    }
}
