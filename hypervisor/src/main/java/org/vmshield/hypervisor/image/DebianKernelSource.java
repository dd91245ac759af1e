package org.vmshield.hypervisor.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.vmshield.hypervisor.setup.CommandRunner;

/**
 * The kernel of Debian's {@code linux-image-cloud-amd64}: the metapackage is resolved to the real
 * kernel package, which is downloaded with {@code apt-get download} and unpacked with
 * {@code dpkg -x} into a temporary directory (never installed). Only vmlinuz and the virtio
 * modules are kept, in a cache directory named after the package and its version.
 */
final class DebianKernelSource implements KernelSource {
    /** The metapackage that always depends on the current cloud kernel. */
    static final String METAPACKAGE = "linux-image-cloud-amd64";

    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration FETCH_TIMEOUT = Duration.ofMinutes(10);

    private final CommandRunner runner;
    private final Path busybox;
    // apt's index changes only with apt-get update: asking once per instance (process) is enough.
    private volatile KernelInputs identified;

    DebianKernelSource(CommandRunner runner, Path busybox) {
        this.runner = runner;
        this.busybox = busybox;
    }

    @Override
    public KernelInputs identify() throws ImageBuildException {
        KernelInputs known = identified;
        if (known == null) {
            known = queryApt();
            identified = known;
        }
        return known;
    }

    private KernelInputs queryApt() throws ImageBuildException {
        String depends = query(List.of("apt-cache", "depends", METAPACKAGE));
        String packageName = depends.lines()
                .map(String::strip)
                .filter(line -> line.startsWith("Depends:"))
                .map(line -> line.substring("Depends:".length()).strip())
                .filter(name -> name.startsWith("linux-image-") && !name.contains("<"))
                .findFirst()
                .orElseThrow(() -> new ImageBuildException(METAPACKAGE + " depends on no linux-image package"
                        + " (apt-cache depends said: " + depends.strip() + "); run apt-get update, or pass --kernel PATH"));
        String show = query(List.of("apt-cache", "show", "--no-all-versions", packageName));
        String version = field(show, "Version")
                .orElseThrow(() -> new ImageBuildException("apt-cache show " + packageName + " gives no Version"
                        + " (run apt-get update, or pass --kernel PATH)"));
        String sha256 = field(show, "SHA256").orElse("-");
        return new KernelInputs("debian", packageName, version, sha256, "-");
    }

    @Override
    public PreparedKernel prepare(KernelInputs inputs, Path cacheDir, Consumer<String> progress)
            throws ImageBuildException {
        Path dir = cacheDir.resolve(inputs.packageName() + "_" + inputs.packageVersion().replace(':', '_'));
        Path vmlinuz = dir.resolve("vmlinuz");
        try {
            if (Files.isRegularFile(vmlinuz)) {
                return new PreparedKernel(vmlinuz, modulesIn(dir.resolve("modules")));
            }
            Files.createDirectories(cacheDir);
            Path temp = Files.createTempDirectory(cacheDir, ".fetch-");
            try {
                fetchInto(inputs, temp, progress);
                Path staged = temp.resolve("kernel");
                Files.createDirectories(staged);
                Path unpacked = temp.resolve("unpacked");
                Files.copy(findKernel(unpacked, inputs), staged.resolve("vmlinuz"));
                Map<String, Path> modules = KernelModules.collect(
                        modulesRoot(unpacked), staged.resolve("modules"), busybox, runner);
                List<String> missing = VIRTIO_NET_MODULES.stream().filter(m -> !modules.containsKey(m)).toList();
                if (!missing.isEmpty()) {
                    throw new ImageBuildException(inputs.packageName() + " has no modules " + missing
                            + " (expected: all of " + VIRTIO_NET_MODULES + "); pass --kernel PATH instead");
                }
                // Publish the finished directory in one step: a crash leaves no half-filled cache.
                Files.move(staged, dir, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(temp);
            }
            return new PreparedKernel(vmlinuz, modulesIn(dir.resolve("modules")));
        } catch (IOException e) {
            throw new ImageBuildException("cannot prepare the kernel " + inputs.describe() + ": " + e.getMessage(), e);
        }
    }

    private void fetchInto(KernelInputs inputs, Path temp, Consumer<String> progress)
            throws IOException, ImageBuildException {
        String spec = inputs.packageName() + "=" + inputs.packageVersion();
        progress.accept("downloading " + spec + " (apt-get download)");
        CommandRunner.Result download = runner.run(List.of("apt-get", "download", spec), temp, FETCH_TIMEOUT);
        Path deb;
        try (Stream<Path> files = Files.list(temp)) {
            deb = files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst().orElse(null);
        }
        if (!download.ok() || deb == null) {
            throw new ImageBuildException("cannot fetch the kernel package " + spec + ": " + download.diagnostics()
                    + " (check the network and apt sources, run apt-get update, or pass --kernel PATH)");
        }
        if (!"-".equals(inputs.sha256()) && !Sha256.of(deb).equals(inputs.sha256())) {
            throw new ImageBuildException(deb + " does not match the SHA-256 of the archive index " + inputs.sha256()
                    + " (run apt-get update and retry)");
        }
        progress.accept("unpacking " + deb.getFileName() + " (dpkg -x, not installed)");
        CommandRunner.Result unpack = runner.run(
                List.of("dpkg", "-x", deb.toString(), temp.resolve("unpacked").toString()), null, FETCH_TIMEOUT);
        if (!unpack.ok()) {
            throw new ImageBuildException("dpkg -x " + deb + " failed: " + unpack.diagnostics());
        }
        Files.delete(deb);
    }

    private static Path findKernel(Path unpacked, KernelInputs inputs) throws IOException, ImageBuildException {
        Path boot = unpacked.resolve("boot");
        if (Files.isDirectory(boot)) {
            try (Stream<Path> files = Files.list(boot)) {
                Optional<Path> kernel = files.filter(f -> f.getFileName().toString().startsWith("vmlinuz"))
                        .sorted()
                        .findFirst();
                if (kernel.isPresent()) {
                    return kernel.get();
                }
            }
        }
        throw new ImageBuildException(inputs.packageName() + " contains no boot/vmlinuz* (pass --kernel PATH)");
    }

    private static Path modulesRoot(Path unpacked) {
        Path usrMerged = unpacked.resolve("usr/lib/modules");
        return Files.isDirectory(usrMerged) ? usrMerged : unpacked.resolve("lib/modules");
    }

    private static Map<String, Path> modulesIn(Path dir) {
        Map<String, Path> modules = new java.util.LinkedHashMap<>();
        for (String module : VIRTIO_NET_MODULES) {
            Path ko = dir.resolve(module + ".ko");
            if (Files.isRegularFile(ko)) {
                modules.put(module, ko);
            }
        }
        return modules;
    }

    private String query(List<String> command) throws ImageBuildException {
        try {
            CommandRunner.Result result = runner.run(command, QUERY_TIMEOUT);
            if (!result.ok()) {
                throw new ImageBuildException(String.join(" ", command) + " failed: " + result.diagnostics()
                        + " (run apt-get update, or pass --kernel PATH on a machine that is not Debian-like)");
            }
            return result.stdout();
        } catch (IOException e) {
            throw new ImageBuildException("cannot run " + command.get(0) + ": " + e.getMessage()
                    + " (is this a Debian-like machine? else pass --kernel PATH)", e);
        }
    }

    private static Optional<String> field(String stanza, String name) {
        return stanza.lines()
                .takeWhile(line -> !line.isBlank())
                .filter(line -> line.startsWith(name + ":"))
                .map(line -> line.substring(name.length() + 1).strip())
                .findFirst();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
