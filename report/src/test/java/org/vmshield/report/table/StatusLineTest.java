package org.vmshield.report.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusLineTest {

    @Test
    void showsServicesAttackIncidentsActionsAndMigrationProgress() {
        LiveStatus status = new LiveStatus(42.3,
                List.of(new LiveStatus.ServiceStatus("critical", 0.998, 12.14),
                        new LiveStatus.ServiceStatus("attacked", 0.712, 1_830)),
                4_210.4, 1, List.of("migrate attacked"),
                Optional.of(new LiveStatus.MigrationProgress("attacked", 0.62)));

        assertThat(StatusLine.format(status)).isEqualTo("t= 42s | critical 99.80% p99 12.1ms | attacked 71.20% "
                + "p99 1,830ms | attack 4,210 rps | incidents 1 | actions: migrate attacked | attacked [######----]  62%");
    }

    @Test
    void showsDashesWhenNothingCompleted() {
        LiveStatus status = new LiveStatus(0, List.of(new LiveStatus.ServiceStatus("critical", Double.NaN, Double.NaN)),
                0, 0, List.of(), Optional.empty());

        assertThat(StatusLine.format(status))
                .isEqualTo("t=  0s | critical - p99 -ms | attack 0 rps | incidents 0 | actions: none");
    }

    @Test
    void drawsFullAndEmptyBars() {
        assertThat(StatusLine.bar(0)).isEqualTo("[----------]");
        assertThat(StatusLine.bar(1)).isEqualTo("[##########]");
        assertThatThrownBy(() -> new LiveStatus.MigrationProgress("vm", 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: in [0, 1]");
    }
}
