package org.vmshield.hypervisor.qemu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Counts the non-zero pages of a guest memory dump: the bytes a migration really has to send. */
final class MemoryDump {
    static final int PAGE = 4096;

    private MemoryDump() {}

    static long nonZeroPageBytes(Path dump) throws IOException {
        long bytes = 0;
        ByteBuffer buf = ByteBuffer.allocateDirect(PAGE * 256);
        try (FileChannel ch = FileChannel.open(dump, StandardOpenOption.READ)) {
            while (true) {
                buf.clear();
                int n = ch.read(buf);
                if (n < 0) {
                    break;
                }
                buf.flip();
                while (buf.remaining() > 0) {
                    int len = Math.min(PAGE, buf.remaining());
                    boolean zero = true;
                    int end = buf.position() + len;
                    for (int i = buf.position(); i + 8 <= end; i += 8) {
                        if (buf.getLong(i) != 0) {
                            zero = false;
                            break;
                        }
                    }
                    if (!zero) {
                        bytes += len;
                    }
                    buf.position(end);
                }
            }
        }
        return bytes;
    }
}
