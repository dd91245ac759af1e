package org.vmshield.balancer.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.testing.Balancers;
import org.vmshield.balancer.testing.RawClient;
import org.vmshield.balancer.testing.TestBackend;
import org.vmshield.model.telemetry.PathStat;
import org.vmshield.model.telemetry.PoolStats;
import org.vmshield.model.telemetry.TrafficSnapshot;

/**
 * A request that keeps its backend busy shows in the path telemetry while it is at the backend,
 * not only once answered: an expensive request must be seen before it ends.
 */
class InFlightTelemetryTest {
    @Test
    void aRequestStillAtItsBackendCountsItsBackendTimeInEverySnapshot() throws Exception {
        try (TestBackend backend = new TestBackend("a");
                Balancer balancer = Balancers.builder().backend("a", backend.address()).start();
                RawClient client = new RawClient(balancer.listenerPort("web"))) {
            client.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> backend.requests() == 1);
            // an interval after the one it was admitted in, still unanswered: no new request, and the
            // backend busy on it the whole time (before, nothing showed until the answer)
            await().atMost(Duration.ofSeconds(5)).until(() -> holdPath(balancer.snapshot())
                    .filter(s -> s.requestsPerSec() == 0).isPresent());
            PathStat busy = holdPath(balancer.snapshot()).orElseThrow();
            assertThat(busy.backendMillisPerSec()).isBetween(800.0, 1200.0); // one request: ~1000 ms/s
            assertThat(backend.requests()).isEqualTo(1);

            backend.releaseHeld();
            assertThat(client.read().status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> holdPath(balancer.snapshot()).isEmpty());
        }
    }

    private static Optional<PathStat> holdPath(TrafficSnapshot snapshot) {
        PoolStats p = snapshot.pool("web").orElseThrow();
        return p.topPathsByBackendTime().stream().filter(s -> s.path().equals("/hold")).findFirst();
    }
}
