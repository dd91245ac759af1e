package org.vmshield.hypervisor.image;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.vmshield.hypervisor.setup.CommandRunner;

/**
 * The guest images under a vmshield home ({@code $VMSHIELD_HOME/images/}): builds them when missing
 * or when their inputs changed, and lists them. Start here: {@code GuestImages.atDefaultHome().ensureBuilt("v1")}.
 *
 * <p>Layout: {@code images/VERSION/initrd.gz} and {@code images/VERSION/manifest.json}; kernels
 * are shared by the versions under {@code images/kernels/}. Builds are serialized by a file lock,
 * so concurrent callers (threads or processes) wait for one build instead of racing.
 */
public final class GuestImages {
    /** The environment variable naming the vmshield home. */
    public static final String HOME_VARIABLE = "VMSHIELD_HOME";

    private static final List<String> VERSIONS = List.of("v1", "v2");
    // Bump when the builder's output changes for the same inputs (layout, compression), to rebuild caches.
    private static final int FORMAT = 2;
    private static final Object JVM_LOCK = new Object();

    private final Path home;
    private final KernelSource kernelSource;
    private final Busybox busybox;
    private final GuestFiles files;
    private final Consumer<String> progress;
    private final Clock clock;
    private final CommandRunner runner;

    private GuestImages(Path home, KernelSource kernelSource, Busybox busybox, GuestFiles files,
            Consumer<String> progress, Clock clock, CommandRunner runner) {
        this.home = home;
        this.kernelSource = kernelSource;
        this.busybox = busybox;
        this.files = files;
        this.progress = progress;
        this.clock = clock;
        this.runner = runner;
    }

    /** Returns the images under {@code $VMSHIELD_HOME}, or {@code ~/.cache/vmshield} when it is not set. */
    public static GuestImages atDefaultHome() {
        String fromEnv = System.getenv(HOME_VARIABLE);
        Path home = fromEnv != null && !fromEnv.isBlank()
                ? Path.of(fromEnv)
                : Path.of(System.getProperty("user.home"), ".cache", "vmshield");
        return at(home);
    }

    /** Returns the images under {@code home}, built with Debian's cloud kernel and the host's busybox. */
    public static GuestImages at(Path home) {
        Objects.requireNonNull(home, "home");
        CommandRunner runner = CommandRunner.system();
        return new GuestImages(home.toAbsolutePath().normalize(),
                new DebianKernelSource(runner, Busybox.DEFAULT_PATH),
                new Busybox(Busybox.DEFAULT_PATH, runner), GuestFiles.bundled(),
                line -> System.err.println("vmshield image: " + line), Clock.systemUTC(), runner);
    }

    /** Returns the supported versions: v1 (with the search flaw) and v2 (patched). */
    public static List<String> versions() {
        return VERSIONS;
    }

    /** Returns the vmshield home these images live under. */
    public Path home() {
        return home;
    }

    /**
     * Returns a copy that builds with {@code kernel} instead of Debian's (the {@code --kernel} option);
     * the kernel must have virtio-net built in.
     *
     * @throws IllegalArgumentException when {@code kernel} is not a readable file
     */
    public GuestImages withKernel(Path kernel) {
        return withKernel(kernel, null);
    }

    /**
     * Returns a copy that builds with {@code kernel} and takes the virtio modules from {@code modulesDir}
     * (searched recursively for virtio_net.ko and the modules it needs; null: none).
     *
     * @throws IllegalArgumentException when {@code kernel} is not a readable file or the directory does not exist
     */
    public GuestImages withKernel(Path kernel, Path modulesDir) {
        Objects.requireNonNull(kernel, "kernel");
        if (!Files.isRegularFile(kernel) || !Files.isReadable(kernel)) {
            throw new IllegalArgumentException("kernel: " + kernel + " (expected: a readable kernel image file)");
        }
        if (modulesDir != null && !Files.isDirectory(modulesDir)) {
            throw new IllegalArgumentException("modules: " + modulesDir + " (expected: a directory of kernel modules)");
        }
        return new GuestImages(home, new FileKernelSource(kernel, modulesDir, runner, busybox.path()),
                busybox, files, progress, clock, runner);
    }

    /** Returns a copy that reports build progress to {@code progress} instead of stderr. */
    public GuestImages withProgress(Consumer<String> progress) {
        return new GuestImages(home, kernelSource, busybox, files, Objects.requireNonNull(progress), clock, runner);
    }

    /** Returns a copy that takes the guest files from {@code directory} (tests change scripts with it). */
    GuestImages withGuestFilesFrom(Path directory) {
        return new GuestImages(home, kernelSource, busybox, GuestFiles.from(directory), progress, clock, runner);
    }

    /**
     * Returns the image of {@code version}, building it first when it is missing or when its inputs
     * (kernel package, busybox, guest scripts) changed since it was built.
     *
     * @throws ImageBuildException when the version is unknown or the image cannot be built
     */
    public GuestImage ensureBuilt(String version) throws ImageBuildException {
        if (!VERSIONS.contains(version)) {
            throw new ImageBuildException("version: '" + version + "' (expected: one of " + String.join(", ", VERSIONS) + ")");
        }
        synchronized (JVM_LOCK) {
            try {
                Path images = Files.createDirectories(home.resolve("images"));
                try (FileChannel lockFile = FileChannel.open(images.resolve(".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    FileLock lock = lockFile.lock(); // released when the channel closes
                    try {
                        return ensureBuiltLocked(version, images);
                    } finally {
                        lock.release();
                    }
                }
            } catch (IOException e) {
                throw new ImageBuildException("cannot build the " + version + " image under " + home + ": "
                        + e.getMessage() + " (check that the directory is writable; set " + HOME_VARIABLE
                        + " or --home to use another one)", e);
            }
        }
    }

    private GuestImage ensureBuiltLocked(String version, Path images) throws IOException, ImageBuildException {
        List<String> applets = busybox.checkUsable();
        ImageInputs inputs = new ImageInputs(FORMAT, kernelSource.identify(), busybox.sha256(), files.sha256(version));
        Path dir = images.resolve(version);
        Optional<ImageManifest> existing = ImageManifest.readFrom(dir);
        if (existing.isPresent() && isCurrent(existing.get(), inputs)) {
            return existing.get().image();
        }
        long startNanos = System.nanoTime();
        progress.accept("building " + version + " (" + (existing.isPresent() ? "inputs changed" : "not built yet") + ")");
        PreparedKernel kernel = kernelSource.prepare(inputs.kernel(), images.resolve("kernels"), progress);
        progress.accept("packing the " + version + " initramfs (busybox, " + kernel.modules().size()
                + " virtio modules, guest scripts)");
        byte[] initrd = InitramfsBuilder.build(
                busybox.content(), applets, kernel.modules(), files.forVersion(version));
        Files.createDirectories(dir);
        Path target = dir.resolve("initrd.gz");
        Path temp = Files.createTempFile(dir, ".initrd-", ".gz");
        try {
            Files.write(temp, initrd);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        ImageManifest manifest = new ImageManifest(version, Sha256.of(initrd), initrd.length,
                Instant.now(clock).toString(), kernel.vmlinuz().toString(), target.toString(), inputs);
        manifest.writeTo(dir);
        progress.accept(String.format("built %s: %s sha256 %s (%d KiB) in %d ms", version, target,
                manifest.sha256().substring(0, 12), initrd.length / 1024, (System.nanoTime() - startNanos) / 1_000_000));
        return manifest.image();
    }

    private static boolean isCurrent(ImageManifest manifest, ImageInputs inputs) throws IOException {
        if (!inputs.equals(manifest.inputs())) {
            return false;
        }
        Path initrd = Path.of(manifest.initrd());
        return Files.isRegularFile(Path.of(manifest.kernel()))
                && Files.isRegularFile(initrd)
                && Sha256.of(initrd).equals(manifest.sha256());
    }

    /** Returns the images that are built, by version. */
    public List<GuestImage> list() {
        return manifests().stream().map(ImageManifest::image).toList();
    }

    /** Returns the manifests of the images that are built, by version. */
    public List<ImageManifest> manifests() {
        List<ImageManifest> manifests = new ArrayList<>();
        Path images = home.resolve("images");
        if (!Files.isDirectory(images)) {
            return manifests;
        }
        try (Stream<Path> dirs = Files.list(images)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                ImageManifest.readFrom(dir)
                        .filter(m -> Files.isRegularFile(Path.of(m.initrd())))
                        .ifPresent(manifests::add);
            }
        } catch (IOException e) {
            return manifests;
        }
        return manifests;
    }
}
