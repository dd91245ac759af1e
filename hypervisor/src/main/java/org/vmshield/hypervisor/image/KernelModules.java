package org.vmshield.hypervisor.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.vmshield.hypervisor.setup.CommandRunner;

/** Finds the virtio network modules in a module tree and copies them, uncompressed, into a kernel cache directory. */
final class KernelModules {
    private KernelModules() {}

    /**
     * Copies each module of {@link KernelSource#VIRTIO_NET_MODULES} found under {@code root} into
     * {@code target} as NAME.ko, decompressing .ko.xz with busybox (whose insmod may lack xz support).
     *
     * @return module name to copied file, in load order; missing ones are absent
     */
    static Map<String, Path> collect(Path root, Path target, Path busybox, CommandRunner runner)
            throws IOException, ImageBuildException {
        Map<String, Path> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                for (String module : KernelSource.VIRTIO_NET_MODULES) {
                    if (name.equals(module + ".ko") || name.equals(module + ".ko.xz")
                            || name.equals(module + ".ko.zst") || name.equals(module + ".ko.gz")) {
                        found.putIfAbsent(module, file);
                    }
                }
            }
        }
        Files.createDirectories(target);
        Map<String, Path> copied = new LinkedHashMap<>();
        for (String module : KernelSource.VIRTIO_NET_MODULES) {
            Path source = found.get(module);
            if (source == null) {
                continue;
            }
            Path ko = target.resolve(module + ".ko");
            String name = source.getFileName().toString();
            if (name.endsWith(".ko")) {
                Files.copy(source, ko, StandardCopyOption.REPLACE_EXISTING);
            } else if (name.endsWith(".ko.xz") || name.endsWith(".ko.gz")) {
                String tool = name.endsWith(".xz") ? "xz" : "gzip";
                CommandRunner.Result result = runner.run(List.of("sh", "-c",
                        "\"$0\" " + tool + " -dc \"$1\" > \"$2\"", busybox.toString(), source.toString(), ko.toString()),
                        Duration.ofMinutes(1));
                if (!result.ok()) {
                    throw new ImageBuildException("cannot decompress " + source + ": " + result.diagnostics());
                }
            } else {
                throw new ImageBuildException(source + ": zstd-compressed modules are not supported"
                        + " (expected: .ko, .ko.xz or .ko.gz; decompress them with unzstd into a directory"
                        + " and pass it as the modules directory)");
            }
            copied.put(module, ko);
        }
        return copied;
    }
}
