package org.vmshield.hypervisor.qemu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.vmshield.hypervisor.Endpoint;

/**
 * A minimal HTTP/1.0 client for a guest's service: one request per connection, the whole response
 * read. Used to wait for a guest to serve and by the demo's and tests' clients.
 */
public final class GuestHttp {
    private GuestHttp() {}

    /**
     * A response.
     *
     * @param status the status code
     * @param body the body as text
     */
    public record Response(int status, String body) {}

    /** Sends {@code GET path} to {@code endpoint}; throws IOException on any failure, including a timeout. */
    public static Response get(Endpoint endpoint, String path, Duration timeout) throws IOException {
        try (Socket s = new Socket()) {
            int millis = (int) Math.max(1, timeout.toMillis());
            s.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), millis);
            s.setSoTimeout(millis);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: " + endpoint.host() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            String text = buf.toString(StandardCharsets.UTF_8);
            int lineEnd = text.indexOf("\r\n");
            if (!text.startsWith("HTTP/") || lineEnd < 0) {
                throw new IOException("not an HTTP response from " + endpoint + ": " + abbreviate(text));
            }
            String[] statusLine = text.substring(0, lineEnd).split(" ");
            if (statusLine.length < 2) {
                throw new IOException("bad status line from " + endpoint + ": " + abbreviate(text));
            }
            int bodyStart = text.indexOf("\r\n\r\n");
            String body = bodyStart < 0 ? "" : text.substring(bodyStart + 4);
            try {
                return new Response(Integer.parseInt(statusLine[1]), body);
            } catch (NumberFormatException e) {
                throw new IOException("bad status line from " + endpoint + ": " + abbreviate(text));
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
