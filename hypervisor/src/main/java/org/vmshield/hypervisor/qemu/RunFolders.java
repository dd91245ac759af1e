package org.vmshield.hypervisor.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Temporary folders of runs (a demo's journal, a benchmark's run home) named after the process
 * that owns them, {@code PREFIX + "p" + pid + "-" + random}, so that a folder left behind by a
 * process killed with {@code kill -9} can be told from one in use, and removed by the next run or
 * by {@code vmshield cleanup}.
 */
public final class RunFolders {
    /** The demo's folder (journal). */
    public static final String DEMO = "vmshield-demo-";
    /** The controller heap benchmark's folder (journal, log, run home). */
    public static final String HEAP_BENCH = "vmshield-heapbench-";
    /** Every kind, for the cleanup. */
    static final List<String> ALL = List.of(DEMO, HEAP_BENCH);

    private RunFolders() {}

    /** Creates a folder of this process under the temporary directory. */
    public static Path create(String prefix) throws IOException {
        return Files.createTempDirectory(prefix + "p" + ProcessHandle.current().pid() + "-");
    }

    /** Returns the pid a folder's name carries, or empty for a name not made by {@link #create}. */
    public static OptionalLong ownerPid(String prefix, String name) {
        String head = prefix + "p";
        if (!name.startsWith(head)) {
            return OptionalLong.empty();
        }
        int end = name.indexOf('-', head.length());
        String digits = name.substring(head.length(), end < 0 ? name.length() : end);
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    /** Returns the folders of kind {@code prefix} under {@code tmp} whose owner process is gone. */
    public static List<Path> abandoned(Path tmp, String prefix) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path dir : entries.filter(Files::isDirectory).toList()) {
                OptionalLong owner = ownerPid(prefix, dir.getFileName().toString());
                if (owner.isPresent() && !ProcessHandle.of(owner.getAsLong()).map(ProcessHandle::isAlive).orElse(false)) {
                    found.add(dir);
                }
            }
        }
        return found;
    }

    /** Returns the system's temporary directory. */
    public static Path tmp() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Deletes {@code dir} with everything in it; a missing folder is fine. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
