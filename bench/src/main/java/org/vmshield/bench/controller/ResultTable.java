package org.vmshield.bench.controller;

import java.util.Locale;

/** Formats a {@link HeapBenchResult} for a person: each figure beside its target. */
public final class ResultTable {
    private ResultTable() {}

    /** Returns the result as a few lines of text: a header, one line per figure, the verdict. */
    public static String format(HeapBenchResult r) {
        HeapBenchSettings s = r.settings();
        StringBuilder b = new StringBuilder();
        String cap = s.maxHeapMiB() == 0 ? "the JVM's default heap limit" : "-Xmx" + s.maxHeapMiB() + "m";
        line(b, "controller heap: %d QEMU VMs (%d MiB guests), %d s steady phase, tick 500 ms, controller JVM with %s",
                s.vms(), s.guestMemoryMiB(), s.seconds(), cap);
        if (r.controller() == null) {
            line(b, "FAILED: %s (controller JVM exit code %d)", r.error().isEmpty() ? "no figures reported" : r.error(),
                    r.childExitCode());
            return b.toString();
        }
        ChildFigures c = r.controller();
        line(b, "%s networking, collectors %s; VMs booted in %.1f s%s; load average %s at the start, %s at the end",
                c.network(), c.collectors(), c.bootSeconds(),
                c.bootRetries() == 0 ? "" : " (" + c.bootRetries() + " boot(s) failed and were retried)",
                r.loadAverageStart(), r.loadAverageEnd());
        String row = "%-40s %-22s %s";
        line(b, row, "figure", "measured", "target");
        line(b, row, "used heap after full GC (max of " + c.fullGcs() + ")", mib(c.usedAfterFullGcMaxMiB()),
                "<= " + r.targetMiB() + " MiB: " + (c.usedAfterFullGcMaxMiB() <= r.targetMiB() ? "met" : "NOT met"));
        line(b, row, "used heap after full GC (end)", mib(c.usedAfterFullGcEndMiB()), "");
        line(b, row, "used heap after full GC (VMs booted)", mib(c.usedAfterBootMiB()), "");
        line(b, row, "peak used heap (whole run)", mib(c.peakUsedMiB()), "(bounded by the heap limit, "
                + mib(c.jvmMaxHeapMiB()) + ")");
        line(b, row, "peak committed heap", mib(c.peakCommittedMiB()), "");
        line(b, row, "OutOfMemoryError", r.outOfMemoryErrors() == 0 ? "none" : String.valueOf(r.outOfMemoryErrors()),
                "none: " + (r.outOfMemoryErrors() == 0 ? "met" : "NOT met"));
        line(b, row, "process RSS (end / peak)", mib(c.rssMiB()) + " / " + mib(c.rssPeakMiB()),
                "(whole JVM: heap, metaspace, code, threads, direct buffers)");
        line(b, row, "VMs running at the end", c.vmsRunning() + " / " + c.vmsConfigured(), "");
        line(b, row, "control-loop ticks (failed)", c.ticks() + " (" + c.failedTicks() + ")", "");
        line(b, row, "legitimate requests via the balancer", r.loadSuccesses() + " ok / " + r.loadRequests()
                + (r.loadRequests() > 0 ? String.format(Locale.ROOT, ", p99 %.1f ms", r.loadP99Ms()) : "")
                + (r.loadFailures().isEmpty() ? "" : " (failed: " + r.loadFailures() + ")"), "");
        line(b, "target (controller heap for %d VMs <= %d MiB): %s", s.vms(), r.targetMiB(),
                r.targetMet() ? "MET" : "NOT MET" + (r.completed() ? "" : " (the run did not complete: " + r.error() + ")"));
        return b.toString();
    }

    private static String mib(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", value);
    }

    private static void line(StringBuilder b, String format, Object... args) {
        b.append(String.format(Locale.ROOT, format, args).stripTrailing()).append('\n');
    }
}
