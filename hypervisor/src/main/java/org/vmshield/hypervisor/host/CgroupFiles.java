package org.vmshield.hypervisor.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes cgroup control files, turning I/O errors into messages that name the file. */
final class CgroupFiles {
    private CgroupFiles() {}

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new CgroupException("cannot read " + file + ": " + e, e);
        }
    }

    static long readLong(Path file) {
        String text = read(file);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new CgroupException(file + ": '" + text + "' (expected: an integer)", e);
        }
    }

    /** Parses a flat-keyed file such as {@code cpu.stat} ("key value" per line). */
    static Map<String, Long> readKeyed(Path file) {
        Map<String, Long> values = new HashMap<>();
        for (String line : read(file).split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2) {
                try {
                    values.put(parts[0], Long.parseLong(parts[1]));
                } catch (NumberFormatException ignored) {
                    // a key that is not a counter: not needed
                }
            }
        }
        return values;
    }

    static List<Long> readPids(Path procs) {
        List<Long> pids = new ArrayList<>();
        for (String line : read(procs).split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.trim()));
            }
        }
        return pids;
    }

    static void write(Path file, String value) {
        try {
            Files.write(file, value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            throw new CgroupException("cannot write '" + value + "' to " + file + ": no such file"
                    + " (is the controller enabled for this cgroup?)", e);
        } catch (IOException e) {
            throw new CgroupException("cannot write '" + value + "' to " + file + ": " + reason(e), e);
        }
    }

    static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CgroupException("cannot create cgroup " + dir + ": " + reason(e)
                    + " (creating cgroups needs root)", e);
        }
    }

    /** Removes an empty cgroup directory; returns false if it does not exist. */
    static boolean rmdir(Path dir) {
        try {
            return Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new CgroupException("cannot remove cgroup " + dir + ": " + reason(e)
                    + " (a cgroup can only be removed when no process is left in it)", e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e);
    }
}
