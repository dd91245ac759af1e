package org.vmshield.hypervisor.qmp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the byte stream of a QMP socket into lines (QMP sends one JSON object per line, ended
 * by {@code \r\n}). Works on bytes, so a read that ends inside a multi-byte character is fine.
 */
final class QmpLineDecoder {
    private final int maxLineBytes;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    QmpLineDecoder(int maxLineBytes) {
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("maxLineBytes: " + maxLineBytes + " (expected: > 0)");
        }
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Consumes every remaining byte of {@code input} and returns the lines it completed, without
     * their line ends; blank lines are dropped.
     *
     * @throws QmpConnectionLostException when a line grows past the limit (QEMU never sends such)
     */
    List<byte[]> feed(ByteBuffer input) throws QmpConnectionLostException {
        List<byte[]> lines = new ArrayList<>();
        while (input.hasRemaining()) {
            byte b = input.get();
            if (b == '\n') {
                byte[] line = trimCarriageReturn(partial.toByteArray());
                partial.reset();
                if (!isBlank(line)) {
                    lines.add(line);
                }
            } else {
                partial.write(b);
                if (partial.size() > maxLineBytes) {
                    throw new QmpConnectionLostException(
                            "QMP line longer than " + maxLineBytes + " bytes: not QMP");
                }
            }
        }
        return lines;
    }

    /** Returns how many bytes of an unfinished line are buffered. */
    int pendingBytes() {
        return partial.size();
    }

    private static byte[] trimCarriageReturn(byte[] line) {
        if (line.length > 0 && line[line.length - 1] == '\r') {
            byte[] trimmed = new byte[line.length - 1];
            System.arraycopy(line, 0, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return line;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
