package org.vmshield.balancer.guard.cidr;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Longest-prefix match over many IPv4 and IPv6 blocks, flattened once into sorted disjoint ranges
 * so that a lookup is one binary search (about 17 steps for 100k blocks) and allocates nothing for
 * IPv4. Immutable; build a new table to change it.
 */
public final class CidrTable {
    /** The value returned when no block contains the address. */
    public static final int NO_MATCH = -1;
    private static final CidrTable EMPTY = new CidrTable(RangeIndex.EMPTY, RangeIndex.EMPTY, 0);

    private final RangeIndex v4;
    private final RangeIndex v6;
    private final int blocks;
    /** IPv4 range starts as ints with the sign bit flipped, so that a signed compare is unsigned: compact, cache-friendly. */
    private final int[] v4Starts;

    private CidrTable(RangeIndex v4, RangeIndex v6, int blocks) {
        this.v4 = v4;
        this.v6 = v6;
        this.blocks = blocks;
        this.v4Starts = new int[v4.size()];
        for (int i = 0; i < v4Starts.length; i++) {
            v4Starts[i] = (int) v4.lo[i] ^ Integer.MIN_VALUE;
        }
    }

    /** Returns a table without blocks. */
    public static CidrTable empty() {
        return EMPTY;
    }

    /**
     * Builds a table. {@code values[i]} is what a lookup returns for an address whose longest
     * matching block is {@code blocks[i]}; for the same block given twice, the higher
     * {@code priorities[i]} wins.
     */
    public static CidrTable build(List<CidrBlock> blocks, int[] values, int[] priorities) {
        if (blocks.size() != values.length || values.length != priorities.length) {
            throw new IllegalArgumentException("blocks, values and priorities differ in length");
        }
        List<Integer> v4 = new ArrayList<>();
        List<Integer> v6 = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            (blocks.get(i).v6() ? v6 : v4).add(i);
        }
        return new CidrTable(
                RangeIndex.build(blocks, values, priorities, v4, false),
                RangeIndex.build(blocks, values, priorities, v6, true),
                blocks.size());
    }

    /** Returns the value of the longest block containing {@code address}, or {@link #NO_MATCH}. */
    public int lookup(InetAddress address) {
        if (address instanceof Inet4Address) {
            // Inet4Address.hashCode() is its address: no copy of the bytes.
            return lookupV4(address.hashCode());
        }
        byte[] b = address.getAddress();
        return lookupV6(CidrBlock.toLong(b, 0), CidrBlock.toLong(b, 8));
    }

    /** Returns the value for an IPv4 address given as an int. */
    public int lookupV4(int address) {
        int x = address ^ Integer.MIN_VALUE;
        int[] starts = v4Starts;
        int a = 0;
        int b = starts.length - 1;
        int found = -1;
        while (a <= b) {
            int mid = (a + b) >>> 1;
            if (starts[mid] <= x) {
                found = mid;
                a = mid + 1;
            } else {
                b = mid - 1;
            }
        }
        return found < 0 ? NO_MATCH : v4.value[found];
    }

    /** Returns the value for an IPv6 address given as two longs. */
    public int lookupV6(long hi, long lo) {
        return v6.lookup(hi, lo);
    }

    /** Returns the number of blocks the table was built from. */
    public int blockCount() {
        return blocks;
    }

    /** Returns the number of disjoint ranges after flattening (for sizing). */
    public int rangeCount() {
        return v4.size() + v6.size();
    }

    /** Disjoint sorted ranges of one address family: range k runs from start k to start k+1. */
    private static final class RangeIndex {
        static final RangeIndex EMPTY = new RangeIndex(new long[0], new long[0], new int[0]);
        final long[] hi;
        final long[] lo;
        final int[] value;

        RangeIndex(long[] hi, long[] lo, int[] value) {
            this.hi = hi;
            this.lo = lo;
            this.value = value;
        }

        int size() {
            return value.length;
        }

        int lookup(long h, long l) {
            int a = 0;
            int b = value.length - 1;
            int found = -1;
            while (a <= b) {
                int mid = (a + b) >>> 1;
                int c = Long.compareUnsigned(hi[mid], h);
                if (c == 0) {
                    c = Long.compareUnsigned(lo[mid], l);
                }
                if (c <= 0) {
                    found = mid;
                    a = mid + 1;
                } else {
                    b = mid - 1;
                }
            }
            return found < 0 ? NO_MATCH : value[found];
        }

        static RangeIndex build(List<CidrBlock> blocks, int[] values, int[] prio, List<Integer> idx, boolean v6) {
            if (idx.isEmpty()) {
                return EMPTY;
            }
            // Outer blocks first; for the same block, the higher priority last (innermost wins).
            long[] his = new long[blocks.size()];
            long[] los = new long[blocks.size()];
            int[] lens = new int[blocks.size()];
            for (int i : idx) {
                his[i] = blocks.get(i).hi();
                los[i] = blocks.get(i).lo();
                lens[i] = blocks.get(i).prefixLength();
            }
            idx.sort((x, y) -> {
                int c = Long.compareUnsigned(his[x], his[y]);
                if (c == 0) {
                    c = Long.compareUnsigned(los[x], los[y]);
                }
                if (c == 0) {
                    c = Integer.compare(lens[x], lens[y]);
                }
                return c != 0 ? c : Integer.compare(prio[x], prio[y]);
            });
            Builder out = new Builder(idx.size() * 2 + 1);
            // Stack of open blocks (CIDR blocks nest or are disjoint, never overlap partly).
            int[] stack = new int[idx.size()];
            int depth = 0;
            long curHi = 0;
            long curLo = 0;
            boolean done = false; // the cursor ran past the last address
            for (int i : idx) {
                CidrBlock b = blocks.get(i);
                while (depth > 0 && less(last(blocks.get(stack[depth - 1]), true), last(blocks.get(stack[depth - 1]), false),
                        b.hi(), b.lo())) {
                    CidrBlock top = blocks.get(stack[--depth]);
                    long eh = top.lastHi();
                    long el = top.lastLo();
                    if (done || less(eh, el, curHi, curLo)) {
                        continue; // a child ended where this block ends: nothing of it is left
                    }
                    out.add(curHi, curLo, values[stack[depth]]);
                    curLo = el + 1;
                    curHi = curLo == 0 ? eh + 1 : eh;
                    if (!v6 && curLo > 0xFFFFFFFFL) {
                        done = true;
                    }
                }
                if (!done && less(curHi, curLo, b.hi(), b.lo())) {
                    out.add(curHi, curLo, depth == 0 ? NO_MATCH : values[stack[depth - 1]]);
                }
                curHi = b.hi();
                curLo = b.lo();
                done = false;
                stack[depth++] = i;
            }
            while (depth > 0) {
                CidrBlock top = blocks.get(stack[--depth]);
                long eh = top.lastHi();
                long el = top.lastLo();
                if (done || less(eh, el, curHi, curLo)) {
                    continue;
                }
                out.add(curHi, curLo, values[stack[depth]]);
                if (eh == -1L && el == -1L || !v6 && el == 0xFFFFFFFFL) {
                    done = true;
                } else {
                    curLo = el + 1;
                    curHi = curLo == 0 ? eh + 1 : eh;
                    done = false;
                }
            }
            if (!done) {
                out.add(curHi, curLo, NO_MATCH);
            }
            return out.toIndex();
        }

        private static long last(CidrBlock b, boolean high) {
            return high ? b.lastHi() : b.lastLo();
        }

        /** Returns true when (ah, al) < (bh, bl) as unsigned 128-bit numbers. */
        private static boolean less(long ah, long al, long bh, long bl) {
            int c = Long.compareUnsigned(ah, bh);
            return c < 0 || c == 0 && Long.compareUnsigned(al, bl) < 0;
        }
    }

    /** Appends ranges, merging neighbours with the same value and replacing empty ones. */
    private static final class Builder {
        long[] hi;
        long[] lo;
        int[] value;
        int n;

        Builder(int capacity) {
            hi = new long[capacity];
            lo = new long[capacity];
            value = new int[capacity];
        }

        void add(long h, long l, int v) {
            if (n > 0 && hi[n - 1] == h && lo[n - 1] == l) {
                n--; // an empty range: the new one starts at the same address
            }
            if (n > 0 && value[n - 1] == v) {
                return;
            }
            if (n == value.length) {
                hi = Arrays.copyOf(hi, n * 2);
                lo = Arrays.copyOf(lo, n * 2);
                value = Arrays.copyOf(value, n * 2);
            }
            hi[n] = h;
            lo[n] = l;
            value[n] = v;
            n++;
        }

        RangeIndex toIndex() {
            return new RangeIndex(Arrays.copyOf(hi, n), Arrays.copyOf(lo, n), Arrays.copyOf(value, n));
        }
    }
}
