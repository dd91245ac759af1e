package org.vmshield.brain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmshield.brain.incident.SuspectedPath;

/** Which of an incident's suspected paths a cost attack's path limit goes on. */
class PathLimitChooserTest {
    // path, req/s now, ms each now, ms each normally, backend ms/s, req/s normally (0: none)
    private static final SuspectedPath MAIN_PATH_FLOODED_AND_SLOW = new SuspectedPath("/", 50, 530, 11, 26_500, 8);
    private static final SuspectedPath CRAFTED_ALREADY_LIMITED = new SuspectedPath("/search", 2, 218, 3, 436, 0);

    @Test
    void aPathNoClientUsedBeforeIsMoreSuspectThanASlowerEverydayPath() {
        // measured in the demo right after the migration: the main path outcost the crafted one
        assertThat(PathLimitChooser.costliest(List.of(MAIN_PATH_FLOODED_AND_SLOW, CRAFTED_ALREADY_LIMITED)).path())
                .isEqualTo("/search");
        assertThat(PathLimitChooser.costliest(List.of(CRAFTED_ALREADY_LIMITED, MAIN_PATH_FLOODED_AND_SLOW)).path())
                .isEqualTo("/search");
    }

    @Test
    void amongEverydayPathsTheLargestRiseOverItsOwnNormalWins() {
        SuspectedPath slowButUsuallySlow = new SuspectedPath("/report", 3, 400, 200, 1_200, 3);
        SuspectedPath usuallyCheapNowCostly = new SuspectedPath("/search", 6, 300, 5, 1_800, 1);

        assertThat(PathLimitChooser.costliest(List.of(slowButUsuallySlow, usuallyCheapNowCostly)).path())
                .isEqualTo("/search");
    }

    @Test
    void withoutNormalsTheCostliestEachWins() {
        SuspectedPath a = new SuspectedPath("/a", 2, 900, Double.NaN, 1_800, 0);
        SuspectedPath b = new SuspectedPath("/b", 2, 1_200, Double.NaN, 2_400, 0);

        assertThat(PathLimitChooser.costliest(List.of(a, b)).path()).isEqualTo("/b");
        assertThat(PathLimitChooser.costliest(List.of(b, a)).path()).isEqualTo("/b");
    }
}
