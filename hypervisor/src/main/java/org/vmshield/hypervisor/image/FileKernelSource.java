package org.vmshield.hypervisor.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;
import org.vmshield.hypervisor.setup.CommandRunner;

/**
 * A kernel given as a file ({@code --kernel PATH}), for machines without Debian packages. Its virtio
 * modules come from an optional modules directory; without one the kernel must have virtio-net built in.
 */
final class FileKernelSource implements KernelSource {
    private final Path kernel;
    private final Path modulesDir;
    private final CommandRunner runner;
    private final Path busybox;

    FileKernelSource(Path kernel, Path modulesDir, CommandRunner runner, Path busybox) {
        this.kernel = kernel.toAbsolutePath().normalize();
        this.modulesDir = modulesDir == null ? null : modulesDir.toAbsolutePath().normalize();
        this.runner = runner;
        this.busybox = busybox;
    }

    @Override
    public KernelInputs identify() throws ImageBuildException {
        try {
            return new KernelInputs("file", kernel.toString(), "-", Sha256.of(kernel), modulesSha256());
        } catch (IOException e) {
            throw new ImageBuildException("cannot read the kernel " + kernel + ": " + e.getMessage()
                    + " (expected: a readable kernel image, e.g. /boot/vmlinuz-...)", e);
        }
    }

    @Override
    public PreparedKernel prepare(KernelInputs inputs, Path cacheDir, Consumer<String> progress)
            throws ImageBuildException {
        Path dir = cacheDir.resolve("file-" + inputs.sha256().substring(0, 16)
                + ("-".equals(inputs.modulesSha256()) ? "" : "-" + inputs.modulesSha256().substring(0, 16)));
        try {
            Path vmlinuz = dir.resolve("vmlinuz");
            Files.createDirectories(dir);
            progress.accept("using the kernel " + kernel + (modulesDir == null ? " (no modules directory:"
                    + " virtio-net must be built in)" : " with modules from " + modulesDir));
            Files.copy(kernel, vmlinuz, StandardCopyOption.REPLACE_EXISTING);
            Map<String, Path> modules = modulesDir == null
                    ? Map.of()
                    : KernelModules.collect(modulesDir, dir.resolve("modules"), busybox, runner);
            return new PreparedKernel(vmlinuz, modules);
        } catch (IOException e) {
            throw new ImageBuildException("cannot copy the kernel " + kernel + ": " + e.getMessage(), e);
        }
    }

    private String modulesSha256() throws IOException {
        if (modulesDir == null) {
            return "-";
        }
        if (!Files.isDirectory(modulesDir)) {
            throw new IOException("modules directory " + modulesDir + " does not exist");
        }
        MessageDigest digest = Sha256.digest();
        try (var files = Files.walk(modulesDir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                boolean wanted = VIRTIO_NET_MODULES.stream().anyMatch(m -> name.startsWith(m + ".ko"));
                if (wanted) {
                    digest.update((modulesDir.relativize(file) + "\0" + Sha256.of(file) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
