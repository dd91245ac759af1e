package org.vmshield.hypervisor.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides between KVM and TCG. A /dev/kvm that opens is not enough: nested KVM can fail at guest
 * boot ("KVM internal error") or hang, so the probe boots the guest kernel under KVM and waits for
 * its first console line. The answer is cached per QEMU version, host kernel and guest kernel.
 * {@code VMSHIELD_ACCEL=kvm|tcg} overrides the probe.
 */
public final class AccelProbe {
    private static final Logger log = LoggerFactory.getLogger(AccelProbe.class);
    /** A working KVM prints the kernel banner within milliseconds; TCG needs about a second. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(8);

    private final String qemuBinary;
    private final Path home;

    /** Creates a probe that caches its answer under {@code home}. */
    public AccelProbe(String qemuBinary, Path home) {
        this.qemuBinary = qemuBinary;
        this.home = home;
    }

    /** Returns the accelerator to use for guests that boot {@code kernel}. */
    public Accelerator detect(Path kernel) {
        String forced = System.getenv("VMSHIELD_ACCEL");
        if (forced != null && !forced.isBlank()) {
            Accelerator a = Accelerator.valueOf(forced.trim().toUpperCase(Locale.ROOT));
            log.info("accelerator {} (from VMSHIELD_ACCEL)", a);
            return a;
        }
        Path kvm = Path.of("/dev/kvm");
        if (!Files.isReadable(kvm) || !Files.isWritable(kvm)) {
            log.warn("/dev/kvm is missing or not accessible: falling back to TCG (slow, binary translation)");
            return Accelerator.TCG;
        }
        String key = cacheKey(kernel);
        Path cache = home.resolve("accel-probe.properties");
        Properties cached = new Properties();
        try (var in = Files.newInputStream(cache)) {
            cached.load(in);
        } catch (IOException e) {
            // no cache yet
        }
        if (key.equals(cached.getProperty("key"))) {
            Accelerator a = Accelerator.valueOf(cached.getProperty("accel"));
            if (a == Accelerator.TCG) {
                log.warn("KVM exists but failed its boot probe earlier ({}): using TCG", cached.getProperty("reason"));
            }
            return a;
        }
        String failure = probeKvm(kernel);
        Accelerator a = failure == null ? Accelerator.KVM : Accelerator.TCG;
        if (failure != null) {
            log.warn("KVM exists but does not work here ({}): falling back to TCG", failure);
        } else {
            log.info("KVM works: using it");
        }
        Properties out = new Properties();
        out.setProperty("key", key);
        out.setProperty("accel", a.name());
        out.setProperty("reason", failure == null ? "ok" : failure);
        try {
            Files.createDirectories(home);
            try (var w = Files.newOutputStream(cache)) {
                out.store(w, "vmshield accelerator probe");
            }
        } catch (IOException e) {
            log.debug("cannot cache the accelerator probe: {}", e.toString());
        }
        return a;
    }

    private String cacheKey(Path kernel) {
        try {
            return String.join("|", System.getProperty("os.version"), qemuBinary,
                    String.valueOf(Files.getLastModifiedTime(Path.of("/dev/kvm")).toMillis() > 0),
                    kernel.toAbsolutePath().toString(), String.valueOf(Files.size(kernel)),
                    String.valueOf(Files.getLastModifiedTime(kernel).toMillis()));
        } catch (IOException e) {
            return "unknown-" + kernel;
        }
    }

    /** Boots the kernel under KVM; returns null when it printed its banner, else why not. */
    private String probeKvm(Path kernel) {
        Path dir;
        try {
            dir = Files.createTempDirectory("vmshield-accel-probe");
        } catch (IOException e) {
            return "cannot create a temp directory: " + e.getMessage();
        }
        Path serial = dir.resolve("serial.log");
        Path stderr = dir.resolve("stderr.log");
        Process p = null;
        try {
            p = new ProcessBuilder(List.of(qemuBinary, "-name", QemuCommandLine.NAME_TAG + "accel-probe",
                            "-accel", "kvm", "-m", "128M", "-nodefaults", "-no-user-config", "-display", "none",
                            "-no-reboot", "-serial", "file:" + serial, "-kernel", kernel.toString(),
                            "-append", "console=ttyS0 panic=-1"))
                    .redirectErrorStream(true)
                    .redirectOutput(stderr.toFile())
                    .start();
            long deadline = System.nanoTime() + PROBE_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (Files.exists(serial) && Files.readString(serial).contains("Linux version")) {
                    return null;
                }
                if (p.waitFor(50, TimeUnit.MILLISECONDS)) {
                    if (Files.readString(serial).contains("Linux version")) {
                        return null;
                    }
                    String err = Files.readString(stderr).strip();
                    return "QEMU exited with " + p.exitValue() + (err.isEmpty() ? "" : ": " + lastLine(err));
                }
            }
            String err = Files.readString(stderr).strip();
            return err.contains("KVM internal error") ? lastLine(err)
                    : "no console output within " + PROBE_TIMEOUT.toSeconds() + " s";
        } catch (IOException e) {
            return "probe failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "probe interrupted";
        } finally {
            if (p != null) {
                p.destroyForcibly();
                try {
                    p.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (Path f : new Path[] {serial, stderr, dir}) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // temp leftovers are harmless
                }
            }
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].contains("KVM internal error")) {
                return lines[i].strip();
            }
        }
        return lines[lines.length - 1].strip();
    }
}
