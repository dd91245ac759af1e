package org.vmshield.bench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the memory available on this machine from {@code /proc/meminfo}. */
final class MemInfo {
    private MemInfo() {}

    /** Returns {@code MemAvailable} in MiB, or -1 where it cannot be read. */
    static long availableMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
