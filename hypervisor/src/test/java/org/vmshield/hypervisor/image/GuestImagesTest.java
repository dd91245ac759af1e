package org.vmshield.hypervisor.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuestImagesTest {
    @TempDir Path temp;

    private GuestImage shared;
    private Path kernelDir;

    @BeforeAll
    void buildShared() throws Exception {
        shared = TestImages.ensureBuilt("v1");
        kernelDir = shared.kernel().getParent();
    }

    /** Builds in a fresh home with the shared kernel and modules given as --kernel: no download. */
    private GuestImages freshHome(List<String> progress) throws IOException {
        return GuestImages.at(Files.createTempDirectory(temp, "home-"))
                .withKernel(shared.kernel(), kernelDir.resolve("modules"))
                .withProgress(progress::add);
    }

    @Test
    void buildingTwiceGivesIdenticalBytes() throws Exception {
        List<String> progress = new ArrayList<>();
        GuestImages images = freshHome(progress);
        GuestImage first = images.ensureBuilt("v1");
        byte[] firstBytes = Files.readAllBytes(first.initrd());
        // Force a second build from scratch.
        Files.delete(first.initrd());
        Files.delete(first.initrd().resolveSibling("manifest.json"));

        GuestImage second = images.ensureBuilt("v1");

        assertThat(Files.readAllBytes(second.initrd())).isEqualTo(firstBytes);
        assertThat(second.sha256()).isEqualTo(first.sha256()).isEqualTo(Sha256.of(firstBytes));
        assertThat(progress.stream().filter(line -> line.startsWith("built v1"))).hasSize(2);
        // Same busybox, modules and scripts as the shared (Debian kernel) build: the initrd bytes agree.
        assertThat(second.sha256()).isEqualTo(shared.sha256());
    }

    @Test
    void anUnchangedImageIsNotRebuilt() throws Exception {
        List<String> progress = new ArrayList<>();
        GuestImages images = freshHome(progress);
        GuestImage first = images.ensureBuilt("v2");
        FileTime builtAt = Files.getLastModifiedTime(first.initrd());
        progress.clear();

        GuestImage again = images.ensureBuilt("v2");

        assertThat(again).isEqualTo(first);
        assertThat(progress).isEmpty();
        assertThat(Files.getLastModifiedTime(again.initrd())).isEqualTo(builtAt);
        assertThat(images.list()).containsExactly(first);
        ImageManifest manifest = images.manifests().get(0);
        assertThat(manifest.version()).isEqualTo("v2");
        assertThat(manifest.inputs().kernel().source()).isEqualTo("file");
        assertThat(manifest.sizeBytes()).isEqualTo(Files.size(first.initrd()));
    }

    @Test
    void aChangedScriptTriggersARebuild() throws Exception {
        Path scripts = copyBundledScripts(Files.createTempDirectory(temp, "guest-"));
        List<String> progress = new ArrayList<>();
        GuestImages images = freshHome(progress).withGuestFilesFrom(scripts);
        GuestImage before = images.ensureBuilt("v1");
        progress.clear();

        Files.writeString(scripts.resolve("srv/catalog.txt"), "home|one more lamp\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        GuestImage after = images.ensureBuilt("v1");

        assertThat(after.sha256()).isNotEqualTo(before.sha256());
        assertThat(progress).anyMatch(line -> line.equals("building v1 (inputs changed)"));
        assertThat(ImageManifest.readFrom(after.initrd().getParent()).orElseThrow().inputs().scriptsSha256())
                .isEqualTo(GuestFiles.from(scripts).sha256("v1"));
    }

    @Test
    void theVersionsDifferOnlyInTheirFiles() throws Exception {
        GuestImage v2 = TestImages.ensureBuilt("v2");
        assertThat(v2.kernel()).isEqualTo(shared.kernel());
        assertThat(v2.sha256()).isNotEqualTo(shared.sha256());
        assertThat(GuestImages.versions()).containsExactly("v1", "v2");
    }

    @Test
    void anUnknownVersionIsRejectedAndNothingIsCreated() {
        GuestImages images = GuestImages.at(temp.resolve("untouched"));
        assertThatThrownBy(() -> images.ensureBuilt("v3"))
                .isInstanceOf(ImageBuildException.class)
                .hasMessage("version: 'v3' (expected: one of v1, v2)");
        assertThat(temp.resolve("untouched")).doesNotExist();
    }

    @Test
    void aMissingKernelFileIsRejected() {
        Path missing = temp.resolve("no-such-vmlinuz");
        assertThatThrownBy(() -> GuestImages.at(temp.resolve("untouched")).withKernel(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kernel: " + missing + " (expected: a readable kernel image file)");
        assertThat(temp.resolve("untouched")).doesNotExist();
    }

    @Test
    void theInitrdHoldsTheGuestInTheOrderTheKernelNeeds() throws Exception {
        List<String> names = CpioListing.names(shared.initrd());
        assertThat(names).contains("init", "bin/busybox", "bin/sh", "dev/console", "srv/handler",
                "srv/search.awk", "etc/vmshield/version", "lib/modules/vmshield/virtio_net.ko");
        assertThat(names.subList(0, names.size() - 1)).isSorted();
        assertThat(names.get(names.size() - 1)).isEqualTo("TRAILER!!!");
    }

    private static Path copyBundledScripts(Path target) throws IOException {
        Path source = Path.of("src", "main", "resources", "guest");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.sorted().toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }
}
