package org.vmshield.balancer.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.Iterator;
import java.util.Map;

/**
 * Finds, in one pass over a message's header fields, the few the proxy acts on, as bit flags. The
 * proxy used to ask the header map for each of them (about 15 hash lookups per message, most for
 * fields that are absent); a typical message has 2-6 fields, so one walk with a length switch is
 * cheaper, and only the fields found are then looked up.
 */
final class HeaderScan {
    static final int CONNECTION = 1;
    static final int KEEP_ALIVE = 1 << 1;
    static final int PROXY_CONNECTION = 1 << 2;
    static final int TE = 1 << 3;
    static final int TRANSFER_ENCODING = 1 << 4;
    static final int UPGRADE = 1 << 5;
    static final int CONTENT_LENGTH = 1 << 6;
    static final int EXPECT = 1 << 7;
    static final int X_FORWARDED_FOR = 1 << 8;
    static final int X_FORWARDED_PROTO = 1 << 9;
    /** The hop-by-hop fields of RFC 9110 7.6.1 that are removed by name. */
    static final int HOP_BY_HOP = CONNECTION | KEEP_ALIVE | PROXY_CONNECTION | TE | TRANSFER_ENCODING | UPGRADE;

    static final AsciiString X_FORWARDED_FOR_NAME = AsciiString.cached("x-forwarded-for");
    static final AsciiString X_FORWARDED_PROTO_NAME = AsciiString.cached("x-forwarded-proto");

    private HeaderScan() {}

    /** Returns the flags of the fields present in {@code h}. */
    static int scan(HttpHeaders h) {
        int flags = 0;
        Iterator<Map.Entry<CharSequence, CharSequence>> it = h.iteratorCharSequence();
        while (it.hasNext()) {
            flags |= flag(it.next().getKey());
        }
        return flags;
    }

    /** Returns the flag of one field name (case-insensitive), 0 for a field the proxy ignores. */
    static int flag(CharSequence name) {
        switch (name.length()) {
            case 2:
                return is(name, HttpHeaderNames.TE) ? TE : 0;
            case 6:
                return is(name, HttpHeaderNames.EXPECT) ? EXPECT : 0;
            case 7:
                return is(name, HttpHeaderNames.UPGRADE) ? UPGRADE : 0;
            case 10:
                if (is(name, HttpHeaderNames.CONNECTION)) {
                    return CONNECTION;
                }
                return is(name, HttpHeaderNames.KEEP_ALIVE) ? KEEP_ALIVE : 0;
            case 14:
                return is(name, HttpHeaderNames.CONTENT_LENGTH) ? CONTENT_LENGTH : 0;
            case 15:
                return is(name, X_FORWARDED_FOR_NAME) ? X_FORWARDED_FOR : 0;
            case 16:
                return is(name, HopByHopHeaders.PROXY_CONNECTION) ? PROXY_CONNECTION : 0;
            case 17:
                if (is(name, HttpHeaderNames.TRANSFER_ENCODING)) {
                    return TRANSFER_ENCODING;
                }
                return is(name, X_FORWARDED_PROTO_NAME) ? X_FORWARDED_PROTO : 0;
            default:
                return 0;
        }
    }

    private static boolean is(CharSequence name, AsciiString lowerCase) {
        return AsciiString.contentEqualsIgnoreCase(name, lowerCase);
    }
}
