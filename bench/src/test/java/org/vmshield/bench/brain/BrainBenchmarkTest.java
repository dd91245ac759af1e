package org.vmshield.bench.brain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.brain.model.ClusterState;

class BrainBenchmarkTest {
    @Test
    void reportsEveryFigureForASmallRun() {
        BrainBenchmark.Settings tiny = new BrainBenchmark.Settings(20, 5, 3, 50, 500, 10, 12, 2, 3, 1, 2);
        List<String> progress = new ArrayList<>();
        Map<String, Object> r = new BrainBenchmark(tiny).run(progress::add);

        assertThat(r.keySet()).startsWith("detectorTickMs", "plannerTickMs");
        assertThat((Double) r.get("detectorTickMs")).isPositive();
        assertThat((Double) r.get("plannerTickMs")).isPositive();
        // 20 pools x (1 pool + 5 backends + 3 paths)
        assertThat(r.get("detectorTrackedSeries")).isEqualTo(180);
        assertThat((Integer) r.get("plannerActionsPerTick")).isPositive();
        assertThat(progress).anyMatch(p -> p.contains("planner 100%"));
    }

    @Test
    void buildsSaturationsWhoseVmsAndNeighboursShareTheirHost() {
        ClusterFixture f = new ClusterFixture(100, 1000, 10, 12, 1_000_000, 7);
        ClusterState c = f.cluster();
        assertThat(c.vms()).hasSize(1000);
        List<Incident> sats = f.incidents().stream().filter(i -> i.kind() == IncidentKind.SATURATION).toList();
        assertThat(sats).isNotEmpty().allSatisfy(i -> {
            var d = i.saturation().orElseThrow();
            assertThat(c.vm(d.vm()).orElseThrow().host()).isEqualTo(d.host());
            assertThat(d.hurtNeighbours()).isNotEmpty()
                    .allSatisfy(n -> assertThat(c.vm(n.vm()).orElseThrow().host()).isEqualTo(d.host()));
        });
    }

    @Test
    void rejectsAnImpossibleCluster() {
        assertThatThrownBy(() -> new ClusterFixture(1, 10, 1, 1, 0, 1)).hasMessageContaining("expected: 2 <= hosts");
    }

    @Test
    void refusesNonsenseRunCounts() {
        assertThatThrownBy(() -> new TickTimer().measure(new TickTimer.Tick() {
            @Override
            public void prepare(int i) {}

            @Override
            public void run(int i) {}
        }, 0, 0, p -> {})).hasMessageContaining("expected: >= 0, >= 1");
    }
}
