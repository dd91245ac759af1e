package org.vmshield.hypervisor.cli;

import java.io.PrintStream;
import org.vmshield.hypervisor.MigrationListener;
import org.vmshield.hypervisor.MigrationPhase;
import org.vmshield.hypervisor.MigrationProgress;

/** Prints a migration's progress, at most one line per interval, so a person sees it move. */
final class ProgressPrinter implements MigrationListener {
    private final PrintStream out;
    private final long intervalMillis;
    private long lastPrinted = -1;

    ProgressPrinter(PrintStream out, long intervalMillis) {
        this.out = out;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public synchronized void onProgress(MigrationProgress p) {
        if (p.phase() != MigrationPhase.PRECOPY && p.phase() != MigrationPhase.POSTCOPY) {
            return;
        }
        if (lastPrinted >= 0 && p.elapsedMillis() - lastPrinted < intervalMillis) {
            return;
        }
        lastPrinted = p.elapsedMillis();
        out.printf("  [%6d ms] %s pass %d: %.1f MiB sent, %.1f MiB left, dirty %.1f MiB/s, expected downtime %d ms, throttle %d%%%n",
                p.elapsedMillis(), p.phase().name().toLowerCase(), p.pass(), p.transferredBytes() / 1048576.0,
                p.remainingBytes() / 1048576.0, p.dirtyRateBytesPerSec() / 1048576.0, p.expectedDowntimeMillis(),
                p.throttlePercent());
    }
}
