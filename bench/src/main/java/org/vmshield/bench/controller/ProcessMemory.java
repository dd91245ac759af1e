package org.vmshield.bench.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a process's resident memory from {@code /proc/PID/status}: {@code VmRSS} (now) and
 * {@code VmHWM} (its peak).
 *
 * @param rssMiB resident memory now
 * @param rssPeakMiB peak resident memory
 */
record ProcessMemory(double rssMiB, double rssPeakMiB) {
    /** Returns this process's figures; NaN where Linux's /proc is not there. */
    static ProcessMemory ofSelf() {
        try {
            return parse(Files.readString(Path.of("/proc/self/status")));
        } catch (IOException e) {
            return new ProcessMemory(Double.NaN, Double.NaN);
        }
    }

    /** Returns the figures of a {@code /proc/PID/status} text; NaN for a field that is missing. */
    static ProcessMemory parse(String status) {
        return new ProcessMemory(fieldMiB(status, "VmRSS:"), fieldMiB(status, "VmHWM:"));
    }

    private static double fieldMiB(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                String[] parts = line.substring(name.length()).trim().split("\\s+");
                if (parts.length == 2 && parts[1].equals("kB")) {
                    try {
                        return Long.parseLong(parts[0]) / 1024.0;
                    } catch (NumberFormatException e) {
                        return Double.NaN;
                    }
                }
            }
        }
        return Double.NaN;
    }
}
