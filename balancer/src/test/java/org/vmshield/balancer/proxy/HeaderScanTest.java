package org.vmshield.balancer.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

/** The one-pass header scan the proxy uses instead of a lookup per field, and the stripping built on it. */
class HeaderScanTest {

    @Test
    void findsEachFieldTheProxyActsOnWhateverItsCase() {
        assertThat(HeaderScan.flag("Connection")).isEqualTo(HeaderScan.CONNECTION);
        assertThat(HeaderScan.flag("KEEP-ALIVE")).isEqualTo(HeaderScan.KEEP_ALIVE);
        assertThat(HeaderScan.flag("proxy-connection")).isEqualTo(HeaderScan.PROXY_CONNECTION);
        assertThat(HeaderScan.flag("Te")).isEqualTo(HeaderScan.TE);
        assertThat(HeaderScan.flag("Transfer-Encoding")).isEqualTo(HeaderScan.TRANSFER_ENCODING);
        assertThat(HeaderScan.flag("upgrade")).isEqualTo(HeaderScan.UPGRADE);
        assertThat(HeaderScan.flag("Content-Length")).isEqualTo(HeaderScan.CONTENT_LENGTH);
        assertThat(HeaderScan.flag("Expect")).isEqualTo(HeaderScan.EXPECT);
        assertThat(HeaderScan.flag("X-Forwarded-For")).isEqualTo(HeaderScan.X_FORWARDED_FOR);
        assertThat(HeaderScan.flag("x-forwarded-proto")).isEqualTo(HeaderScan.X_FORWARDED_PROTO);
    }

    @Test
    void ignoresOtherFieldsEvenOfTheSameLength() {
        // same lengths as te, expect, upgrade, connection, content-length, x-forwarded-for, ..., transfer-encoding
        for (String name : new String[] {"ab", "server", "referer", "user-agent", "content-type1", "accept-language",
                "content-location", "x-forwarded-hostx", "host", "x-forwarded-host"}) {
            assertThat(HeaderScan.flag(name)).as(name).isZero();
        }
    }

    @Test
    void scanReturnsTheFlagsOfAllFieldsPresent() {
        HttpHeaders h = new DefaultHttpHeaders();
        h.add("Host", "x").add("Content-Length", "5").add("Connection", "keep-alive").add("X-Forwarded-For", "10.0.0.1");
        assertThat(HeaderScan.scan(h))
                .isEqualTo(HeaderScan.CONTENT_LENGTH | HeaderScan.CONNECTION | HeaderScan.X_FORWARDED_FOR);
        assertThat(HeaderScan.scan(new DefaultHttpHeaders())).isZero();
    }

    @Test
    void strippingRemovesHopByHopFieldsAndThoseConnectionNamesAndKeepsChunking() {
        HttpHeaders h = new DefaultHttpHeaders();
        h.add("Host", "x").add("Connection", "close, X-Secret").add("X-Secret", "s").add("Keep-Alive", "timeout=5")
                .add("Proxy-Connection", "keep-alive").add("TE", "trailers").add("Upgrade", "h2c")
                .add("Transfer-Encoding", "gzip, chunked").add("X-Kept", "k");
        boolean chunked = HopByHopHeaders.strip(h, HeaderScan.scan(h));
        assertThat(chunked).isTrue();
        assertThat(h.names()).containsExactlyInAnyOrder("Host", "X-Kept", "transfer-encoding");
        assertThat(h.get("transfer-encoding")).isEqualTo("chunked");
    }

    @Test
    void strippingAMessageWithoutHopByHopFieldsChangesNothing() {
        HttpHeaders h = new DefaultHttpHeaders();
        h.add("Content-Length", "42").add("Server", "nginx");
        assertThat(HopByHopHeaders.strip(h, HeaderScan.scan(h))).isFalse();
        assertThat(h.names()).containsExactlyInAnyOrder("Content-Length", "Server");
    }
}
