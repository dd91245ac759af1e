package org.vmshield.brain.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmshield.brain.incident.DetectionResult;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.model.telemetry.HypervisorSnapshot;
import org.vmshield.model.telemetry.PoolStats;
import org.vmshield.model.telemetry.TelemetrySnapshot;
import org.vmshield.model.telemetry.TrafficSnapshot;

/** 100,000 backends in 1,000 pools: one flooded backend is found, and only it. */
class ManySeriesTest {
    static List<PoolStats> pools(int variant, String floodedBackend) {
        List<PoolStats> pools = new ArrayList<>(1000);
        for (int p = 0; p < 1000; p++) {
            List<String> ids = new ArrayList<>(100);
            for (int b = 0; b < 100; b++) {
                ids.add("vm-" + p + "-" + b);
            }
            SyntheticPool pool = SyntheticPool.legit("pool-" + p, 1000, 500, variant * 7919L + p).backends(ids);
            if (p == 420 && floodedBackend != null) {
                pool.backendFlood(floodedBackend, 400);
            }
            pools.add(pool.build());
        }
        return pools;
    }

    static TelemetrySnapshot at(int i, List<PoolStats> pools) {
        long t = Snapshots.at(i);
        return new TelemetrySnapshot(t, new TrafficSnapshot(t, Snapshots.TICK_MILLIS, pools), HypervisorSnapshot.empty(t));
    }

    @Test
    void findsTheOneFloodedBackendAmongAHundredThousand() {
        List<List<PoolStats>> quiet = List.of(pools(0, null), pools(1, null));
        List<PoolStats> attacked = pools(2, "vm-420-7");
        DetectionEngine engine = new DetectionEngine(DetectorConfig.DEFAULTS);
        for (int i = 0; i < 12; i++) {
            assertThat(engine.tick(at(i, quiet.get(i % 2)), VmDirectory.empty()).active()).isEmpty();
        }
        assertThat(engine.trackedSeries()).isGreaterThanOrEqualTo(100_000);

        engine.tick(at(12, attacked), VmDirectory.empty());
        DetectionResult r = engine.tick(at(13, attacked), VmDirectory.empty());

        assertThat(r.opened()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(IncidentKind.VOLUMETRIC_FLOOD);
            assertThat(i.target().pool()).isEqualTo("pool-420");
            assertThat(i.target().backend()).isEqualTo("vm-420-7");
            assertThat(i.evidence().get(0).signal()).isEqualTo("backend.requestsPerSec");
        });
    }
}
