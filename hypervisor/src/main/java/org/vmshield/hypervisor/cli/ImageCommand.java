package org.vmshield.hypervisor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vmshield.hypervisor.image.GuestImage;
import org.vmshield.hypervisor.image.GuestImages;
import org.vmshield.hypervisor.image.ImageBuildException;
import org.vmshield.hypervisor.image.ImageManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Builds and lists the guest images (kernel + initramfs running the sample service, v1 and v2). */
@Command(
        name = "image",
        mixinStandardHelpOptions = true,
        description = "Builds and lists guest images.",
        subcommands = {ImageCommand.Build.class, ImageCommand.ListImages.class})
public final class ImageCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: build or list");
    }

    static GuestImages images(Path home) {
        return home == null ? GuestImages.atDefaultHome() : GuestImages.at(home);
    }

    /** {@code vmshield image build}: builds the images that are missing or out of date. */
    // No mixinStandardHelpOptions here: its --version would clash with the image --version option.
    @Command(
            name = "build",
            description = {
                "Builds the guest images that are missing or out of date.",
                "Inputs: Debian's linux-image-cloud-amd64 kernel, the host's busybox-static and the",
                "bundled scripts; an image is rebuilt only when they change.",
                "Images go to $VMSHIELD_HOME/images (default ~/.cache/vmshield/images)."
            })
    static final class Build implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Option(names = "--version", paramLabel = "v1|v2|all", defaultValue = "all",
                description = "Which image to build (default: ${DEFAULT-VALUE}).")
        String version;

        @Option(names = "--kernel", paramLabel = "PATH",
                description = "Use this kernel instead of Debian's (it needs virtio-net built in, or --kernel-modules).")
        Path kernel;

        @Option(names = "--kernel-modules", paramLabel = "DIR",
                description = "With --kernel: a directory holding the kernel's virtio modules (searched recursively).")
        Path kernelModules;

        @Option(names = "--home", paramLabel = "DIR", description = "The vmshield home (default: $VMSHIELD_HOME or ~/.cache/vmshield).")
        Path home;

        @Override
        public Integer call() {
            List<String> versions = "all".equals(version) ? GuestImages.versions() : List.of(version);
            if (!"all".equals(version) && !GuestImages.versions().contains(version)) {
                throw new ParameterException(spec.commandLine(),
                        "--version: '" + version + "' (expected: v1, v2 or all)");
            }
            if (kernelModules != null && kernel == null) {
                throw new ParameterException(spec.commandLine(), "--kernel-modules needs --kernel");
            }
            GuestImages images = images(home);
            if (kernel != null) {
                try {
                    images = images.withKernel(kernel, kernelModules);
                } catch (IllegalArgumentException e) {
                    String message = e.getMessage().startsWith("modules:")
                            ? "--kernel-" + e.getMessage()
                            : "--" + e.getMessage();
                    throw new ParameterException(spec.commandLine(), message);
                }
            }
            for (String v : versions) {
                try {
                    GuestImage image = images.ensureBuilt(v);
                    System.out.printf("%s %s %s%n", image.version(), image.sha256().substring(0, 12), image.initrd());
                } catch (ImageBuildException e) {
                    System.err.println("vmshield image build: " + e.getMessage());
                    return 1;
                }
            }
            return 0;
        }
    }

    /** {@code vmshield image list}: prints the built images as a table. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the built guest images.")
    static final class ListImages implements Callable<Integer> {
        @Option(names = "--home", paramLabel = "DIR", description = "The vmshield home (default: $VMSHIELD_HOME or ~/.cache/vmshield).")
        Path home;

        @Override
        public Integer call() throws Exception {
            GuestImages images = images(home);
            List<ImageManifest> manifests = images.manifests();
            if (manifests.isEmpty()) {
                System.out.println("no images under " + images.home().resolve("images")
                        + " (build them with: vmshield image build)");
                return 0;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"VERSION", "SHA256", "SIZE", "BUILT AT", "KERNEL"});
            for (ImageManifest m : manifests) {
                long size = Files.size(Path.of(m.initrd()));
                rows.add(new String[] {
                    m.version(), m.sha256().substring(0, 12), String.format("%.1f MiB", size / 1048576.0),
                    m.builtAt(), m.inputs().kernel().describe()
                });
            }
            int[] widths = new int[rows.get(0).length];
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
                }
                System.out.println(line.toString().stripTrailing());
            }
            return 0;
        }
    }
}
