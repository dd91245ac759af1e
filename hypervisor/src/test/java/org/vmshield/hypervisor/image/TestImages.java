package org.vmshield.hypervisor.image;

import java.nio.file.Files;
import java.nio.file.Path;
import org.vmshield.hypervisor.testing.QemuTests;

/**
 * The image cache shared by all tests that boot guests (the same rule as the QEMU driver's tests): the
 * home named by {@code VMSHIELD_TEST_IMAGES} when set, else the default home ({@code $VMSHIELD_HOME}
 * or {@code ~/.cache/vmshield}). So each image is built once, not once per test.
 */
public final class TestImages {
    /** The shared test home. */
    public static final Path HOME = System.getenv("VMSHIELD_TEST_IMAGES") != null
            ? Path.of(System.getenv("VMSHIELD_TEST_IMAGES")).toAbsolutePath()
            : GuestImages.atDefaultHome().home();

    private TestImages() {}

    /** Skips (locally) or fails (under CI) unless this host can build images (Debian tools, busybox-static). */
    public static void requireImageTools() {
        QemuTests.requireCommand("apt-get");
        QemuTests.requireCommand("dpkg");
        QemuTests.requireThat(Files.isRegularFile(Path.of("/bin/busybox")), "/bin/busybox is missing (install busybox-static)");
    }

    /** Returns the images under the shared test home, reporting progress to stderr. */
    public static GuestImages shared() {
        return GuestImages.at(HOME);
    }

    /** Returns the image of {@code version} from the shared test home, building it when needed. */
    public static GuestImage ensureBuilt(String version) throws ImageBuildException {
        requireImageTools();
        return shared().ensureBuilt(version);
    }
}
