package org.vmshield.load.schedule;

import java.net.InetAddress;
import org.vmshield.load.SourceRange;

/**
 * The consecutive addresses of a source range that one stream sends from.
 *
 * @param range the range
 * @param offset the index in the range of the first address
 * @param count how many addresses
 */
public record SourceBlock(SourceRange range, int offset, int count) {
    /** Validates that the block fits in the range. */
    public SourceBlock {
        if (count <= 0 || offset < 0 || (long) offset + count > range.size()) {
            throw new IllegalArgumentException("source block " + offset + "+" + count + " of " + range
                    + " (expected: inside the range's " + range.size() + " addresses)");
        }
    }

    /** Returns the address of source {@code index} (0-based within the block). */
    public InetAddress address(int index) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("source: " + index + " (expected: 0 to " + (count - 1) + ")");
        }
        return range.address(offset + index);
    }
}
