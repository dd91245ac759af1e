package org.vmshield.balancer.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.Iterator;

/**
 * Removes the hop-by-hop fields of RFC 9110 section 7.6.1 (Connection, the fields it names,
 * Keep-Alive, Proxy-Connection, TE, Transfer-Encoding, Upgrade) before a message is forwarded. Framing
 * is redone by the next hop: a chunked message stays chunked.
 */
final class HopByHopHeaders {
    static final AsciiString PROXY_CONNECTION = AsciiString.cached("proxy-connection");

    private HopByHopHeaders() {}

    /** Strips the hop-by-hop fields; returns true if the message was chunked. */
    static boolean strip(HttpHeaders h) {
        return strip(h, HeaderScan.scan(h));
    }

    /**
     * Strips the hop-by-hop fields, given the {@link HeaderScan} flags of {@code h}: only the fields
     * present are looked up. Returns true if the message was chunked.
     */
    static boolean strip(HttpHeaders h, int flags) {
        if ((flags & HeaderScan.HOP_BY_HOP) == 0) {
            return false;
        }
        boolean chunked = (flags & HeaderScan.TRANSFER_ENCODING) != 0
                && h.containsValue(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED, true);
        if ((flags & HeaderScan.CONNECTION) != 0) {
            Iterator<? extends CharSequence> values = h.valueCharSequenceIterator(HttpHeaderNames.CONNECTION);
            while (values.hasNext()) {
                removeNamedFields(h, values.next());
            }
            h.remove(HttpHeaderNames.CONNECTION);
        }
        if ((flags & HeaderScan.KEEP_ALIVE) != 0) {
            h.remove(HttpHeaderNames.KEEP_ALIVE);
        }
        if ((flags & HeaderScan.PROXY_CONNECTION) != 0) {
            h.remove(PROXY_CONNECTION);
        }
        if ((flags & HeaderScan.TE) != 0) {
            h.remove(HttpHeaderNames.TE);
        }
        if ((flags & HeaderScan.UPGRADE) != 0) {
            h.remove(HttpHeaderNames.UPGRADE);
        }
        if (chunked) {
            h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        } else if ((flags & HeaderScan.TRANSFER_ENCODING) != 0) {
            h.remove(HttpHeaderNames.TRANSFER_ENCODING);
        }
        return chunked;
    }

    /**
     * Removes the fields named in one Connection value (a comma-separated list). The usual values,
     * {@code keep-alive} (a field removed anyway) and {@code close}, are skipped without splitting
     * (every response of a keep-alive backend carries the first).
     */
    private static void removeNamedFields(HttpHeaders h, CharSequence value) {
        if (AsciiString.contentEqualsIgnoreCase(value, HttpHeaderValues.KEEP_ALIVE)
                || AsciiString.contentEqualsIgnoreCase(value, HttpHeaderValues.CLOSE)) {
            return;
        }
        int start = 0;
        int n = value.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || value.charAt(i) == ',') {
                String name = value.subSequence(start, i).toString().trim();
                if (!name.isEmpty()) {
                    h.remove(name);
                }
                start = i + 1;
            }
        }
    }
}
