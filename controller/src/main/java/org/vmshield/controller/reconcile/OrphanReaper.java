package org.vmshield.controller.reconcile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the QEMU processes a controller killed with {@code kill -9} left behind, and only those:
 * the QEMU driver names each process {@code vmshield-VM-pPID-N}, PID being the controller's; a
 * process whose controller no longer runs is an orphan. Other controllers' VMs on the same
 * machine are left alone (unlike {@code vmshield cleanup}, which removes everything).
 */
public final class OrphanReaper {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);
    private static final Pattern NAME = Pattern.compile("-name vmshield-(.*)-p(\\d+)-\\d+,process=");

    private OrphanReaper() {}

    /** Kills the orphaned vmshield QEMU processes of this machine; returns their pids. */
    public static List<Long> reap() {
        List<Long> killed = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String n = p.getFileName().toString();
                if (!n.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(n);
                Long owner = ownerOf(cmdline(p));
                if (owner != null && ProcessHandle.of(owner).isEmpty()) {
                    ProcessHandle.of(pid).ifPresent(h -> {
                        h.destroyForcibly();
                        try {
                            h.onExit().get(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            LOG.warn("orphaned QEMU pid {} did not exit within 10 s of SIGKILL", pid);
                        }
                        killed.add(pid);
                        LOG.info("killed orphaned QEMU pid {} (its controller, pid {}, is gone)", pid, owner);
                    });
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list /proc: {}", e.getMessage());
        }
        return killed;
    }

    /** Returns the controller pid named in a vmshield QEMU command line, or null for any other process. */
    static Long ownerOf(String cmdline) {
        if (!cmdline.contains("qemu-system")) {
            return null;
        }
        Matcher m = NAME.matcher(cmdline);
        return m.find() ? Long.valueOf(m.group(2)) : null;
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | SecurityException e) {
            return ""; // the process ended, or is not ours to read
        }
    }
}
