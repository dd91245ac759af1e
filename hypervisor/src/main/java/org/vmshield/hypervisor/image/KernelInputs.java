package org.vmshield.hypervisor.image;

/**
 * What identifies a kernel input of an image, known before anything is downloaded.
 *
 * @param source "debian" (a package) or "file" (a kernel given with --kernel)
 * @param packageName the Debian package (e.g. linux-image-6.1.0-56-cloud-amd64), or the file's path
 * @param packageVersion the package version, or "-" for a file
 * @param sha256 the package's SHA-256 (from the archive index), or the kernel file's
 * @param modulesSha256 for a file with a modules directory, the SHA-256 over its virtio modules; else "-"
 */
public record KernelInputs(
        String source, String packageName, String packageVersion, String sha256, String modulesSha256) {

    /** Returns a short text for tables and logs. */
    public String describe() {
        return "debian".equals(source) ? packageName + " " + packageVersion : "file " + packageName;
    }
}
