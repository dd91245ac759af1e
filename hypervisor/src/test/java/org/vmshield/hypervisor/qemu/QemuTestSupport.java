package org.vmshield.hypervisor.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.vmshield.hypervisor.image.GuestImages;
import org.vmshield.hypervisor.testing.QemuTests;

/** Shared set-up of the tests that run real QEMU: images, a private state directory, leak checks. */
final class QemuTestSupport {
    private QemuTestSupport() {}

    /** Returns the image source: the images under VMSHIELD_TEST_IMAGES (a home) when set, else under $VMSHIELD_HOME. */
    static GuestImageSource images() {
        String dir = System.getenv("VMSHIELD_TEST_IMAGES");
        return new BuiltImages(dir == null ? GuestImages.atDefaultHome() : GuestImages.at(Path.of(dir)));
    }

    /** Skips (locally) or fails (under CI) unless QEMU is installed. */
    static void requireQemu() {
        QemuTests.requireQemu();
    }

    /** Returns a fresh, short state directory (QMP socket paths must stay under 108 bytes). */
    static Path newHome() throws IOException {
        return Files.createTempDirectory(Path.of("/tmp"), "vmsh-");
    }

    /** Asserts that no QEMU process of {@code home} and no cgroup of {@code hosts} remains, then deletes {@code home}. */
    static void assertNothingLeft(Path home, List<String> hosts) throws IOException {
        assertThat(QemuCleanup.findQemuProcesses(Optional.of(VmshieldHome.runDir(home)))).as("QEMU processes left").isEmpty();
        for (String host : hosts) {
            for (String hierarchy : List.of("cpu", "memory", "unified")) {
                assertThat(Path.of("/sys/fs/cgroup", hierarchy, "vmshield", host)).as("cgroup of host " + host).doesNotExist();
            }
            assertThat(Path.of("/sys/fs/cgroup", "vmshield", host)).as("cgroup v2 of host " + host).doesNotExist();
        }
        Path run = VmshieldHome.runDir(home);
        if (Files.isDirectory(run)) {
            try (Stream<Path> left = Files.list(run)) {
                assertThat(left.toList()).as("files left in " + run).isEmpty();
            }
        }
        deleteTree(home);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
