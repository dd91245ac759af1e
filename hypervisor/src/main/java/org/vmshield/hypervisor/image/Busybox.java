package org.vmshield.hypervisor.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.vmshield.hypervisor.setup.CommandRunner;
import org.vmshield.hypervisor.setup.HostPreflight;

/** The host's statically linked busybox, which becomes the guest's whole userland. */
final class Busybox {
    /** Where Debian's busybox-static installs it. */
    static final Path DEFAULT_PATH = Path.of("/bin/busybox");


    private static final int PT_INTERP = 3;

    private final Path path;
    private final CommandRunner runner;

    Busybox(Path path, CommandRunner runner) {
        this.path = path;
        this.runner = runner;
    }

    Path path() {
        return path;
    }

    /**
     * Checks that busybox exists, is statically linked and has the applets the guest needs.
     *
     * @return where each applet lives, as {@link #appletPaths()}
     */
    List<String> checkUsable() throws ImageBuildException {
        if (!Files.isRegularFile(path)) {
            throw new ImageBuildException(path + " is missing: install busybox-static (apt-get install busybox-static)");
        }
        try {
            if (!isStatic(Files.readAllBytes(path))) {
                throw new ImageBuildException(path + " is dynamically linked and cannot run in the guest:"
                        + " install busybox-static (apt-get install busybox-static)");
            }
        } catch (IOException e) {
            throw new ImageBuildException("cannot read " + path + ": " + e.getMessage(), e);
        }
        List<String> applets = appletPaths();
        Set<String> names = new TreeSet<>();
        for (String applet : applets) {
            names.add(applet.substring(applet.lastIndexOf('/') + 1));
        }
        List<String> missing = HostPreflight.BUSYBOX_APPLETS.stream().filter(a -> !names.contains(a)).toList();
        if (!missing.isEmpty()) {
            throw new ImageBuildException(path + " lacks the applets " + missing
                    + " (expected: Debian's busybox-static, which has them)");
        }
        return applets;
    }

    /** Returns the SHA-256 of the binary. */
    String sha256() throws ImageBuildException {
        try {
            return Sha256.of(path);
        } catch (IOException e) {
            throw new ImageBuildException("cannot read " + path + ": " + e.getMessage()
                    + " (install busybox-static)", e);
        }
    }

    /** Returns the binary's bytes. */
    byte[] content() throws IOException {
        return Files.readAllBytes(path);
    }

    /** Returns where each applet lives (e.g. "usr/bin/awk"), sorted, without busybox itself. */
    List<String> appletPaths() throws ImageBuildException {
        try {
            CommandRunner.Result result = runner.run(List.of(path.toString(), "--list-full"), Duration.ofSeconds(30));
            if (!result.ok()) {
                throw new ImageBuildException(path + " --list-full failed: " + result.diagnostics());
            }
            return result.stdout().lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.equals("bin/busybox"))
                    .sorted()
                    .distinct()
                    .toList();
        } catch (IOException e) {
            throw new ImageBuildException("cannot run " + path + ": " + e.getMessage(), e);
        }
    }

    /** Returns true for an ELF binary without a program interpreter (statically linked). */
    static boolean isStatic(byte[] elf) {
        if (elf.length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F' || elf[4] != 2) {
            return false; // not a 64-bit ELF file
        }
        ByteBuffer buffer = ByteBuffer.wrap(elf).order(elf[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long programHeaders = buffer.getLong(0x20);
        int entrySize = Short.toUnsignedInt(buffer.getShort(0x36));
        int count = Short.toUnsignedInt(buffer.getShort(0x38));
        for (int i = 0; i < count; i++) {
            long offset = programHeaders + (long) i * entrySize;
            if (offset + 4 > elf.length) {
                return false;
            }
            if (buffer.getInt((int) offset) == PT_INTERP) {
                return false;
            }
        }
        return true;
    }
}
