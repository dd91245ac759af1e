package org.vmshield.hypervisor.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides what a test that needs QEMU does when QEMU is missing: on a developer's machine it is
 * skipped; under CI ({@code CI=true}) it fails, so that CI can never pass by skipping them.
 */
public final class QemuTests {
    private QemuTests() {}

    /** Returns true when this run is a CI run, where skipping a QEMU test is an error. */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (locally) or fails (under CI) the calling test unless {@code qemu-system-x86_64} is on the PATH. */
    public static void requireQemu() {
        requireCommand("qemu-system-x86_64");
    }

    /** Skips (locally) or fails (under CI) the calling test unless we run as root (bridge mode, cgroups). */
    public static void requireRoot() {
        boolean root = "root".equals(System.getProperty("user.name"));
        requireThat(root, "the test needs root (network namespaces, cgroups)");
    }

    /** Skips (locally) or fails (under CI) the calling test unless {@code command} is on the PATH. */
    public static void requireCommand(String command) {
        requireThat(onPath(command), command + " is not installed (.ci/run installs it)");
    }

    /** Skips (locally) or fails (under CI) the calling test unless {@code condition} holds. */
    public static void requireThat(boolean condition, String whyNot) {
        if (condition) {
            return;
        }
        if (underCi()) {
            fail("required under CI, so not skipped: " + whyNot);
        }
        Assumptions.abort(whyNot);
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
