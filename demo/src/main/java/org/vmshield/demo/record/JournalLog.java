package org.vmshield.demo.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vmshield.controller.journal.JournalEvent;

/**
 * The controller's journal of one run as a text file of the report folder: every incident, decision
 * (with the brain's explanation: what it saw, what it considered, why this), action and step, timed
 * from the attack's onset. The journal itself is a temporary file of the run; this is what a reader
 * keeps to see why vmshield did what it did.
 */
public final class JournalLog {
    private JournalLog() {}

    /** Returns the events as lines: time from onset, type, subject, status, detail. */
    public static String render(List<JournalEvent> events, long onsetWallMillis) {
        StringBuilder b = new StringBuilder(events.size() * 120);
        b.append("# vmshield journal: time from the attack's onset (s), type, subject, status, detail\n");
        for (JournalEvent e : events) {
            b.append(String.format(Locale.ROOT, "%+9.2f  %-9s %-40s %-10s %s%n", (e.atMillis() - onsetWallMillis) / 1000.0,
                    e.type(), e.subject(), e.status(), e.detail() == null ? "" : e.detail().replace("\n", "\n" + " ".repeat(73))));
        }
        return b.toString();
    }

    /** Writes {@link #render} to {@code file}. */
    public static Path write(Path file, List<JournalEvent> events, long onsetWallMillis) throws IOException {
        return Files.writeString(file, render(events, onsetWallMillis), StandardCharsets.UTF_8);
    }
}
