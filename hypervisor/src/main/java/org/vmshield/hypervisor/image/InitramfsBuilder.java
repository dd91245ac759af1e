package org.vmshield.hypervisor.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Assembles the guest's initramfs: busybox and its applet links, the virtio modules, the device
 * nodes the kernel needs before devtmpfs, and the guest files. Entries are sorted by path, owned by
 * root with mtime 0, and the gzip header carries no timestamp: the same inputs give the same bytes.
 */
final class InitramfsBuilder {
    /** Where the init script looks for modules. */
    static final String MODULES_DIR = "lib/modules/vmshield";

    private sealed interface Entry permits Dir, File, Link, CharDev {}

    private record Dir() implements Entry {}

    private record File(int permissions, byte[] content) implements Entry {}

    private record Link(String target) implements Entry {}

    private record CharDev(int major, int minor, int permissions) implements Entry {}

    private final TreeMap<String, Entry> entries = new TreeMap<>();

    /** Returns the gzip-compressed newc archive for these inputs. */
    static byte[] build(byte[] busybox, List<String> appletPaths, Map<String, Path> modules,
            List<GuestFiles.GuestFile> files) throws IOException {
        InitramfsBuilder builder = new InitramfsBuilder();
        for (String dir : List.of("bin", "sbin", "usr/bin", "usr/sbin", "dev", "proc", "sys", "tmp", "root", "etc")) {
            builder.add(dir, new Dir());
        }
        builder.add("dev/console", new CharDev(5, 1, 0600));
        builder.add("dev/null", new CharDev(1, 3, 0666));
        builder.add("bin/busybox", new File(0755, busybox));
        for (String applet : appletPaths) {
            builder.add(applet, new Link("/bin/busybox"));
        }
        for (Map.Entry<String, Path> module : modules.entrySet()) {
            builder.add(MODULES_DIR + "/" + module.getKey() + ".ko", new File(0644, Files.readAllBytes(module.getValue())));
        }
        for (GuestFiles.GuestFile file : files) {
            builder.add(file.path(), new File(file.permissions(), file.content()));
        }
        return builder.gzippedCpio();
    }

    private void add(String path, Entry entry) {
        // Parents first: the kernel cannot create a file in a directory it has not seen.
        int slash = path.lastIndexOf('/');
        if (slash > 0 && !entries.containsKey(path.substring(0, slash))) {
            add(path.substring(0, slash), new Dir());
        }
        if (!(entry instanceof Dir) || !entries.containsKey(path)) {
            entries.put(path, entry);
        }
    }

    private byte[] gzippedCpio() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 22);
        // Java writes a gzip header with mtime 0 and no file name.
        try (OutputStream gzip = new FixedLevelGzip(bytes)) {
            CpioWriter cpio = new CpioWriter(gzip);
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                String path = e.getKey();
                Entry entry = e.getValue();
                if (entry instanceof File f) {
                    cpio.file(path, f.permissions(), f.content());
                } else if (entry instanceof Link l) {
                    cpio.symlink(path, l.target());
                } else if (entry instanceof CharDev c) {
                    cpio.charDevice(path, c.permissions(), c.major(), c.minor());
                } else {
                    cpio.directory(path, 0755);
                }
            }
            cpio.finish();
        }
        return bytes.toByteArray();
    }

    private static final class FixedLevelGzip extends GZIPOutputStream {
        FixedLevelGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            // A fixed level keeps the bytes stable; 6 packs about as small as 9, several times faster.
            def.setLevel(6);
        }
    }
}
