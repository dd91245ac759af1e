package org.vmshield.hypervisor.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmshield.hypervisor.setup.CommandRunner;
import org.vmshield.hypervisor.setup.CommandRunner.Result;

class DebianKernelSourceTest {
    private static final String DEPENDS = """
            linux-image-cloud-amd64
              Depends: linux-image-6.1.0-99-cloud-amd64
            """;
    private static final String SHOW = """
            Package: linux-image-6.1.0-99-cloud-amd64
            Version: 6.1.999-1
            SHA256: 00ff
            Filename: pool/main/l/linux-signed-amd64/linux-image-6.1.0-99-cloud-amd64_6.1.999-1_amd64.deb

            """;

    @TempDir Path temp;

    private final List<String> commands = new ArrayList<>();

    private CommandRunner apt(Result download) {
        return (command, directory, timeout) -> {
            String line = String.join(" ", command);
            commands.add(line);
            if (line.equals("apt-cache depends linux-image-cloud-amd64")) {
                return new Result(0, DEPENDS, "");
            }
            if (line.equals("apt-cache show --no-all-versions linux-image-6.1.0-99-cloud-amd64")) {
                return new Result(0, SHOW, "");
            }
            if (line.startsWith("apt-get download")) {
                return download;
            }
            throw new AssertionError("unexpected command: " + line);
        };
    }

    @Test
    void resolvesTheMetapackageToTheRealKernelPackageOnce() throws Exception {
        DebianKernelSource source = new DebianKernelSource(apt(new Result(0, "", "")), Path.of("/bin/busybox"));

        KernelInputs inputs = source.identify();

        assertThat(inputs).isEqualTo(new KernelInputs("debian", "linux-image-6.1.0-99-cloud-amd64", "6.1.999-1", "00ff", "-"));
        assertThat(source.identify()).isEqualTo(inputs);
        assertThat(commands).hasSize(2);
    }

    @Test
    void aPackageThatCannotBeFetchedGivesAClearErrorAndLeavesNothing() throws Exception {
        Result failed = new Result(100, "", "E: Failed to fetch http://deb.debian.org/... 404 Not Found");
        DebianKernelSource source = new DebianKernelSource(apt(failed), Path.of("/bin/busybox"));
        Path cache = temp.resolve("kernels");

        assertThatThrownBy(() -> source.prepare(source.identify(), cache, line -> {}))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("cannot fetch the kernel package linux-image-6.1.0-99-cloud-amd64=6.1.999-1")
                .hasMessageContaining("E: Failed to fetch")
                .hasMessageContaining("pass --kernel PATH");
        assertThat(commands).contains("apt-get download linux-image-6.1.0-99-cloud-amd64=6.1.999-1");
        try (var left = Files.list(cache)) {
            assertThat(left).as("the temporary download directory is removed").isEmpty();
        }
    }

    @Test
    void aMachineWithoutAptIsToldToPassAKernel() {
        CommandRunner noApt = (command, directory, timeout) -> {
            throw new IOException("Cannot run program \"apt-cache\": error=2, No such file or directory");
        };
        DebianKernelSource source = new DebianKernelSource(noApt, Path.of("/bin/busybox"));

        assertThatThrownBy(source::identify)
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("cannot run apt-cache")
                .hasMessageContaining("else pass --kernel PATH");
    }
}
