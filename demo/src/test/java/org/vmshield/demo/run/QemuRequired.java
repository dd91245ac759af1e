package org.vmshield.demo.run;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Skips a test that needs QEMU and root on a developer's machine without them; fails it under CI ({@code CI=true}). */
final class QemuRequired {
    private QemuRequired() {}

    /** Skips (locally) or fails (under CI) the calling test unless QEMU is installed and we run as root. */
    static void check() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean qemu = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            qemu |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, "qemu-system-x86_64"));
        }
        String whyNot = !qemu ? "qemu-system-x86_64 is not installed" : !root ? "the demo needs root (cgroup quotas)" : null;
        if (whyNot == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("required under CI, so not skipped: " + whyNot);
        }
        Assumptions.abort(whyNot);
    }
}
