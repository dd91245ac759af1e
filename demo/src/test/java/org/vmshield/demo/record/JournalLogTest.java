package org.vmshield.demo.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmshield.controller.journal.JournalEvent;

class JournalLogTest {
    @Test
    void writesEveryEventTimedFromTheOnsetWithItsExplanation(@TempDir Path dir) throws Exception {
        long onset = 1_000_000;
        List<JournalEvent> events = List.of(
                new JournalEvent(1, onset - 500, "incident", "SATURATION:vm=a", "opened", "vm a at its cap"),
                new JournalEvent(2, onset + 1_280, "decision", "COST_ATTACK:pool=attacked", "decided",
                        "seen: /search 250 ms\nchose: switch"),
                new JournalEvent(3, onset + 2_000, "action", "migrate a", "succeeded", null));

        Path file = JournalLog.write(dir.resolve("journal.log"), events, onset);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("# vmshield journal");
        assertThat(lines.get(1)).startsWith("    -0.50  incident  SATURATION:vm=a").endsWith("vm a at its cap");
        assertThat(lines.get(2)).startsWith("    +1.28  decision  COST_ATTACK:pool=attacked").endsWith("seen: /search 250 ms");
        assertThat(lines.get(3)).startsWith(" ".repeat(73) + "chose: switch"); // continued, indented
        assertThat(lines.get(4)).contains("+2.00  action    migrate a").contains("succeeded");
        assertThat(lines).hasSize(5);
    }
}
