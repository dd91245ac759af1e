package org.vmshield.hypervisor.setup;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks that this host has what VMs need (QEMU, a static busybox with the applets the guest uses,
 * the Debian tools that fetch the kernel, iproute2). When something is missing it installs it with
 * apt-get if it runs as root (saying what it installs), or else fails with the exact command to run.
 * Start here: {@code HostPreflight.forThisHost().ensureReady()}.
 */
public final class HostPreflight {
    /** What the guest's scripts need from busybox (see the image's init and handler scripts). */
    public static final List<String> BUSYBOX_APPLETS =
            List.of("sh", "mount", "insmod", "ip", "nc", "awk", "wget", "setsid", "dd", "yes", "usleep", "sleep");

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);

    private final CommandRunner runner;
    private final boolean root;
    private final Consumer<String> out;

    /**
     * Creates a preflight that runs its checks with {@code runner}, installs when {@code root}, and
     * reports what it does to {@code out}.
     */
    public HostPreflight(CommandRunner runner, boolean root, Consumer<String> out) {
        this.runner = runner;
        this.root = root;
        this.out = out;
    }

    /** Returns the preflight for this machine, reporting to stderr. */
    public static HostPreflight forThisHost() {
        return new HostPreflight(CommandRunner.system(), "root".equals(System.getProperty("user.name")),
                line -> System.err.println("vmshield setup: " + line));
    }

    /** Returns what is missing on this host, in check order; empty when all is there. */
    public List<Requirement> missing() {
        List<Requirement> missing = new ArrayList<>();
        requireCommand("qemu-system-x86_64", "qemu-system-x86", missing);
        if (!busyboxStaticUsable()) {
            missing.add(new Requirement("busybox-static (/bin/busybox with " + String.join(" ", BUSYBOX_APPLETS) + ")",
                    "busybox-static"));
        }
        requireCommand("dpkg-deb", "dpkg", missing);
        requireCommand("apt-get", "apt", missing);
        requireCommand("ip", "iproute2", missing);
        return missing;
    }

    /**
     * Makes sure everything is there: installs what is missing when running as root (after one
     * {@code apt-get update}), and checks again.
     *
     * @throws PreflightException when something is missing and this is not root, or installing failed
     */
    public void ensureReady() throws PreflightException {
        List<Requirement> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        List<String> packages = packagesOf(missing);
        String command = "apt-get install -y " + String.join(" ", packages);
        if (!root) {
            throw new PreflightException("missing: " + describe(missing) + ". Install with: sudo " + command);
        }
        out.accept("missing " + describe(missing) + "; installing " + String.join(" ", packages) + " with apt-get");
        run(List.of("apt-get", "update"), "apt-get update");
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
        install.addAll(packages);
        run(install, command);
        List<Requirement> still = missing();
        if (!still.isEmpty()) {
            throw new PreflightException("still missing after " + command + ": " + describe(still));
        }
        out.accept("installed " + String.join(" ", packages));
    }

    private void run(List<String> command, String shown) throws PreflightException {
        try {
            CommandRunner.Result result = runner.run(command, INSTALL_TIMEOUT);
            if (!result.ok()) {
                throw new PreflightException(shown + " failed (exit " + result.exitCode() + "): " + result.diagnostics());
            }
        } catch (IOException e) {
            throw new PreflightException(shown + " could not run: " + e.getMessage());
        }
    }

    private void requireCommand(String command, String debianPackage, List<Requirement> missing) {
        if (!succeeds(List.of("sh", "-c", "command -v \"$0\"", command))) {
            missing.add(new Requirement(command, debianPackage));
        }
    }

    private boolean busyboxStaticUsable() {
        // Debian's busybox (dynamic) also installs /bin/busybox: the package tells them apart.
        if (!output(List.of("dpkg-query", "-W", "-f=${Status}", "busybox-static")).contains("install ok installed")) {
            return false;
        }
        Set<String> applets = new LinkedHashSet<>(output(List.of("/bin/busybox", "--list")).lines().map(String::strip).toList());
        return applets.containsAll(BUSYBOX_APPLETS);
    }

    private boolean succeeds(List<String> command) {
        try {
            return runner.run(command, CHECK_TIMEOUT).ok();
        } catch (IOException e) {
            return false;
        }
    }

    private String output(List<String> command) {
        try {
            CommandRunner.Result result = runner.run(command, CHECK_TIMEOUT);
            return result.ok() ? result.stdout() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> packagesOf(List<Requirement> missing) {
        return missing.stream().map(Requirement::debianPackage).distinct().toList();
    }

    private static String describe(List<Requirement> missing) {
        return String.join(", ", missing.stream().map(Requirement::what).toList());
    }
}
