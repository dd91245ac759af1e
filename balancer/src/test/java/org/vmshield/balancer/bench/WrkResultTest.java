package org.vmshield.balancer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WrkResultTest {
    private static final String OUT = """
            Running 8s test @ http://127.0.0.1:40001/
              1 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   421.50us  120.33us   5.01ms   90.12%
                Req/Sec    75.12k     2.01k   79.00k    70.00%
              Latency Distribution
                 50%  401.00us
                 75%  450.00us
                 90%  520.00us
                 99%    1.25ms
              598123 requests in 8.00s, 98.12MB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 598000
            Requests/sec:  74765.38
            Transfer/sec:     12.27MB
            """;

    @Test
    void parsesRateLatencyAndErrors() {
        WrkResult r = WrkResult.parse(OUT);
        assertThat(r.rps()).isEqualTo(74765.38);
        assertThat(r.p99Ms()).isEqualTo(1.25);
        assertThat(r.requests()).isEqualTo(598123);
        assertThat(r.non2xx()).isEqualTo(598000);
        assertThat(r.socketErrors()).isEqualTo(3);
        assertThat(r.non2xxShare()).isCloseTo(0.9998, within(0.0001));
    }

    @Test
    void convertsMicrosecondsAndSeconds() {
        assertThat(WrkResult.parse(OUT.replace("99%    1.25ms", "99%  850.00us")).p99Ms()).isEqualTo(0.85);
        assertThat(WrkResult.parse(OUT.replace("99%    1.25ms", "99%    1.50s")).p99Ms()).isEqualTo(1500.0);
    }

    @Test
    void rejectsOutputWithoutFigures() {
        assertThatThrownBy(() -> WrkResult.parse("unable to connect to 127.0.0.1:1 Connection refused"))
                .hasMessageContaining("expected: the output of wrk --latency");
    }
}
