package org.vmshield.hypervisor.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The scripts and data files of the guest (init, the HTTP handler, the endpoints' scripts), read from
 * the classpath ({@code guest/...}) or, in tests, from a directory with the same layout.
 */
final class GuestFiles {
    /** One file as it goes into the initramfs. */
    record GuestFile(String path, int permissions, byte[] content) {}

    private record Source(String resource, String target, int permissions) {}

    private static final List<Source> COMMON = List.of(
            new Source("init", "init", 0755),
            new Source("srv/handler", "srv/handler", 0755),
            new Source("srv/dirty", "srv/dirty", 0755),
            new Source("srv/work.awk", "srv/work.awk", 0644),
            new Source("srv/urldecode.awk", "srv/urldecode.awk", 0644),
            new Source("srv/catalog.txt", "srv/catalog.txt", 0644));

    private final Path directory;

    private GuestFiles(Path directory) {
        this.directory = directory;
    }

    /** Returns the files bundled in the jar under {@code guest/}. */
    static GuestFiles bundled() {
        return new GuestFiles(null);
    }

    /** Returns the files found under {@code directory} (same layout as {@code guest/}). */
    static GuestFiles from(Path directory) {
        return new GuestFiles(directory);
    }

    /** Returns the files of {@code version}'s initramfs, sorted by path. */
    List<GuestFile> forVersion(String version) throws ImageBuildException {
        List<Source> sources = new ArrayList<>(COMMON);
        // The versions differ only in the search script: v1 has the flaw, v2 the patch.
        sources.add(new Source("srv/search-" + version + ".awk", "srv/search.awk", 0644));
        List<GuestFile> files = new ArrayList<>();
        for (Source source : sources) {
            files.add(new GuestFile(source.target(), source.permissions(), read(source.resource())));
        }
        files.add(new GuestFile("etc/vmshield/version", 0644, (version + "\n").getBytes(StandardCharsets.UTF_8)));
        files.sort(Comparator.comparing(GuestFile::path));
        return files;
    }

    /** Returns the SHA-256 over the paths, modes and contents of {@code version}'s files. */
    String sha256(String version) throws ImageBuildException {
        MessageDigest digest = Sha256.digest();
        for (GuestFile file : forVersion(version)) {
            digest.update((file.path() + "\0" + Integer.toOctalString(file.permissions()) + "\0"
                            + file.content().length + "\0")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(file.content());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private byte[] read(String resource) throws ImageBuildException {
        try {
            if (directory != null) {
                return Files.readAllBytes(directory.resolve(resource));
            }
            try (InputStream in = GuestFiles.class.getResourceAsStream("/guest/" + resource)) {
                if (in == null) {
                    throw new ImageBuildException("guest file guest/" + resource
                            + " is missing from the classpath (a broken build: rebuild vmshield)");
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new ImageBuildException("cannot read guest file " + resource + ": " + e.getMessage(), e);
        }
    }
}
