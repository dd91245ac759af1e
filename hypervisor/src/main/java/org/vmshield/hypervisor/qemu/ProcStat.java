package org.vmshield.hypervisor.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's CPU time and resident memory from /proc: two small files, cheap to read often. */
final class ProcStat {
    /** Clock ticks per second of /proc/PID/stat; 100 on every Linux build that matters. */
    static final double TICKS_PER_SECOND = 100.0;
    static final long PAGE_BYTES = 4096;

    private ProcStat() {}

    /** Returns user + system CPU seconds of {@code pid}, or -1 when it is gone. */
    static double cpuSeconds(long pid) {
        try {
            return parseCpuSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Parses /proc/PID/stat; the command name in parentheses may contain spaces, so split after it. */
    static double parseCpuSeconds(String stat) {
        String rest = stat.substring(stat.lastIndexOf(')') + 2);
        String[] f = rest.split(" ");
        // after "pid (comm) " the fields start at state (field 3): utime is field 14, stime 15
        long utime = Long.parseLong(f[14 - 3]);
        long stime = Long.parseLong(f[15 - 3]);
        return (utime + stime) / TICKS_PER_SECOND;
    }

    /** Returns the resident memory of {@code pid} in MiB, or -1 when it is gone. */
    static long rssMiB(long pid) {
        try {
            String[] f = Files.readString(Path.of("/proc", Long.toString(pid), "statm")).trim().split(" ");
            return Long.parseLong(f[1]) * PAGE_BYTES / (1024 * 1024);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Returns /proc/PID/cmdline (NUL-separated), or empty when the process is gone. */
    static String cmdline(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
