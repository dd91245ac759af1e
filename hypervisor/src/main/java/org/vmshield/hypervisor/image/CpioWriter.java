package org.vmshield.hypervisor.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a cpio archive in the "newc" format the Linux kernel unpacks as an initramfs.
 * Owner, group and mtime are always 0 and inode numbers are assigned in write order, so the
 * same entries in the same order give the same bytes.
 */
final class CpioWriter {
    static final int S_IFDIR = 0040000;
    static final int S_IFREG = 0100000;
    static final int S_IFLNK = 0120000;
    static final int S_IFCHR = 0020000;

    private final OutputStream out;
    private long written;
    private int nextInode = 1;

    CpioWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes a directory entry. */
    void directory(String path, int permissions) throws IOException {
        entry(path, S_IFDIR | permissions, 2, new byte[0], 0, 0);
    }

    /** Writes a regular file entry. */
    void file(String path, int permissions, byte[] content) throws IOException {
        entry(path, S_IFREG | permissions, 1, content, 0, 0);
    }

    /** Writes a symbolic link entry pointing at {@code target}. */
    void symlink(String path, String target) throws IOException {
        entry(path, S_IFLNK | 0777, 1, target.getBytes(StandardCharsets.UTF_8), 0, 0);
    }

    /** Writes a character device node. */
    void charDevice(String path, int permissions, int major, int minor) throws IOException {
        entry(path, S_IFCHR | permissions, 1, new byte[0], major, minor);
    }

    /** Writes the trailer that ends the archive. */
    void finish() throws IOException {
        nextInode = 0;
        entry("TRAILER!!!", 0, 1, new byte[0], 0, 0);
        out.flush();
    }

    private void entry(String name, int mode, int links, byte[] data, int rdevMajor, int rdevMinor)
            throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        int inode = nextInode == 0 ? 0 : nextInode++;
        StringBuilder header = new StringBuilder("070701");
        for (long field : new long[] {
            inode, mode, 0, 0, links, 0, data.length, 0, 0, rdevMajor, rdevMinor, nameBytes.length + 1, 0
        }) {
            header.append(String.format("%08x", field));
        }
        write(header.toString().getBytes(StandardCharsets.US_ASCII));
        write(nameBytes);
        write(new byte[] {0});
        pad();
        write(data);
        pad();
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        written += bytes.length;
    }

    private void pad() throws IOException {
        while (written % 4 != 0) {
            out.write(0);
            written++;
        }
    }
}
