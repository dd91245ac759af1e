package org.vmshield.hypervisor.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The record of a built image, stored as {@code manifest.json} beside it.
 *
 * @param version the service version ("v1" or "v2")
 * @param sha256 the SHA-256 of the initrd
 * @param sizeBytes the initrd's size
 * @param builtAt when it was built (ISO-8601, UTC)
 * @param kernel the kernel image's path
 * @param initrd the initrd's path
 * @param inputs what it was built from
 */
public record ImageManifest(
        String version, String sha256, long sizeBytes, String builtAt, String kernel, String initrd, ImageInputs inputs) {
    static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Returns the image this manifest describes. */
    public GuestImage image() {
        return new GuestImage(version, Path.of(kernel), Path.of(initrd), sha256);
    }

    /** Returns the manifest in {@code dir}, or empty when there is none or it cannot be read. */
    static Optional<ImageManifest> readFrom(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), ImageManifest.class));
        } catch (IOException e) {
            return Optional.empty(); // an unreadable manifest means: build again
        }
    }

    /** Writes this manifest into {@code dir}, replacing the old one atomically. */
    void writeTo(Path dir) throws IOException {
        Path temp = Files.createTempFile(dir, ".manifest-", ".json");
        try {
            JSON.writeValue(temp.toFile(), this);
            Files.move(temp, dir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
