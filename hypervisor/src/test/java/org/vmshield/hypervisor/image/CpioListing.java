package org.vmshield.hypervisor.image;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the entry names of a gzip-compressed newc cpio archive (a test helper independent of CpioWriter). */
final class CpioListing {
    private CpioListing() {}

    static List<String> names(Path gzippedCpio) throws IOException {
        List<String> names = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(gzippedCpio)))) {
            long offset = 0;
            while (true) {
                byte[] header = new byte[110];
                in.readFully(header);
                String text = new String(header, StandardCharsets.US_ASCII);
                if (!text.startsWith("070701")) {
                    throw new IOException("bad cpio magic at " + offset + ": " + text.substring(0, 6));
                }
                long fileSize = Long.parseLong(text.substring(6 + 6 * 8, 6 + 7 * 8), 16);
                int nameSize = Integer.parseInt(text.substring(6 + 11 * 8, 6 + 12 * 8), 16);
                byte[] name = new byte[nameSize];
                in.readFully(name);
                offset += 110 + nameSize;
                offset += skip(in, pad(offset));
                String entry = new String(name, 0, nameSize - 1, StandardCharsets.UTF_8);
                names.add(entry);
                if (entry.equals("TRAILER!!!")) {
                    return names;
                }
                skipFully(in, fileSize);
                offset += fileSize;
                offset += skip(in, pad(offset));
            }
        }
    }

    private static long pad(long offset) {
        return (4 - offset % 4) % 4;
    }

    private static long skip(InputStream in, long n) throws IOException {
        skipFully(in, n);
        return n;
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("truncated cpio archive");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
