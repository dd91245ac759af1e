package org.vmshield.balancer.guard.cidr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CidrTableTest {

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    private static CidrTable table(String... blocks) {
        List<CidrBlock> list = new ArrayList<>();
        int[] values = new int[blocks.length];
        int[] prio = new int[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            list.add(CidrBlock.parse(blocks[i]));
            values[i] = i;
        }
        return CidrTable.build(list, values, prio);
    }

    @Test
    void picksTheLongestMatchingIpv4Prefix() throws Exception {
        CidrTable t = table("10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "10.1.2.3/32", "192.168.0.0/16");
        assertThat(t.lookup(ip("10.9.9.9"))).isEqualTo(0);
        assertThat(t.lookup(ip("10.1.9.9"))).isEqualTo(1);
        assertThat(t.lookup(ip("10.1.2.4"))).isEqualTo(2);
        assertThat(t.lookup(ip("10.1.2.3"))).isEqualTo(3);
        assertThat(t.lookup(ip("10.1.3.0"))).isEqualTo(1);
        assertThat(t.lookup(ip("11.0.0.0"))).isEqualTo(CidrTable.NO_MATCH);
        assertThat(t.lookup(ip("9.255.255.255"))).isEqualTo(CidrTable.NO_MATCH);
        assertThat(t.lookup(ip("192.168.255.255"))).isEqualTo(4);
    }

    @Test
    void coversTheWholeIpv4SpaceAtBothEnds() throws Exception {
        CidrTable t = table("0.0.0.0/0", "255.255.255.255/32", "0.0.0.0/32");
        assertThat(t.lookup(ip("0.0.0.0"))).isEqualTo(2);
        assertThat(t.lookup(ip("0.0.0.1"))).isEqualTo(0);
        assertThat(t.lookup(ip("255.255.255.254"))).isEqualTo(0);
        assertThat(t.lookup(ip("255.255.255.255"))).isEqualTo(1);
    }

    @Test
    void picksTheLongestMatchingIpv6PrefixAndKeepsFamiliesApart() throws Exception {
        CidrTable t = table("2001:db8::/32", "2001:db8:1::/48", "2001:db8:1:2::/64", "2001:db8:1:2::7/128",
                "::/0", "10.0.0.0/8", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128");
        assertThat(t.lookup(ip("2001:db8:9::1"))).isEqualTo(0);
        assertThat(t.lookup(ip("2001:db8:1:9::1"))).isEqualTo(1);
        assertThat(t.lookup(ip("2001:db8:1:2::8"))).isEqualTo(2);
        assertThat(t.lookup(ip("2001:db8:1:2::7"))).isEqualTo(3);
        assertThat(t.lookup(ip("2001:db9::1"))).isEqualTo(4);
        assertThat(t.lookup(ip("::1"))).isEqualTo(4);
        assertThat(t.lookup(ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isEqualTo(6);
        assertThat(t.lookup(ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"))).isEqualTo(4);
        // IPv4 addresses never match IPv6 blocks (::/0), only IPv4 ones.
        assertThat(t.lookup(ip("10.2.3.4"))).isEqualTo(5);
        assertThat(t.lookup(ip("11.2.3.4"))).isEqualTo(CidrTable.NO_MATCH);
    }

    @Test
    void letsTheHigherPriorityWinForTheSameBlock() throws Exception {
        List<CidrBlock> b = List.of(CidrBlock.parse("10.0.0.0/8"), CidrBlock.parse("10.0.0.0/8"));
        assertThat(CidrTable.build(b, new int[] {7, 8}, new int[] {1, 0}).lookup(ip("10.0.0.1"))).isEqualTo(7);
        assertThat(CidrTable.build(b, new int[] {7, 8}, new int[] {0, 1}).lookup(ip("10.0.0.1"))).isEqualTo(8);
    }

    @Test
    void rejectsMalformedBlocksSayingWhatWasExpected() {
        assertThatThrownBy(() -> CidrBlock.parse("10.0.0.0/33")).hasMessageContaining("prefix length 0..32");
        assertThatThrownBy(() -> CidrBlock.parse("10.0.0.1/8")).hasMessageContaining("no address bits set beyond")
                .hasMessageContaining("10.0.0.0/8");
        assertThatThrownBy(() -> CidrBlock.parse("example.com")).hasMessageContaining("expected");
        assertThatThrownBy(() -> CidrBlock.parse("300.1.1.1")).hasMessageContaining("expected");
        assertThatThrownBy(() -> CidrBlock.parse("2001:db8::/129")).hasMessageContaining("0..128");
        assertThatThrownBy(() -> CidrBlock.parse("")).hasMessageContaining("expected");
    }

    @Test
    void printsBlocksCanonically() {
        assertThat(CidrBlock.parse("2001:0db8:0000::/32")).hasToString("2001:db8::/32");
        assertThat(CidrBlock.parse("192.0.2.7")).hasToString("192.0.2.7/32");
        assertThat(CidrBlock.parse("::/0")).hasToString("::/0");
        assertThat(CidrBlock.parse("::ffff:10.0.0.0/104")).hasToString("10.0.0.0/8");
    }

    @Test
    void answersLikeABruteForceScanWith100kBlocks() {
        Random rnd = new Random(42);
        int n = 100_000;
        List<CidrBlock> blocks = new ArrayList<>(n);
        int[] values = new int[n];
        int[] prio = new int[n];
        for (int i = 0; i < n; i++) {
            blocks.add(randomV4Block(rnd, 8, 32));
            values[i] = i;
        }
        CidrTable t = CidrTable.build(blocks, values, prio);
        // Addresses inside known blocks (so most lookups match), plus random ones.
        for (int q = 0; q < 3000; q++) {
            int addr = q % 2 == 0 ? (int) blocks.get(rnd.nextInt(n)).lo() + rnd.nextInt(4) : rnd.nextInt();
            assertThat(t.lookupV4(addr)).as("address %s", Integer.toUnsignedString(addr))
                    .isEqualTo(bruteForceV4(blocks, values, addr));
        }
    }

    @Property(tries = 200)
    void ipv4LookupsAgreeWithBruteForce(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 32) Integer> lens,
            @ForAll long seed) {
        Random rnd = new Random(seed);
        List<CidrBlock> blocks = new ArrayList<>();
        for (int len : lens) {
            // A small base range so that blocks nest often.
            int base = 0x0A000000 | rnd.nextInt(1 << 12) << 4;
            blocks.add(block(false, 0, base & 0xFFFFFFFFL, len));
        }
        int[] values = new int[blocks.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        int[] prio = values.clone(); // same block twice: the later one wins
        CidrTable t = CidrTable.build(blocks, values, prio);
        for (int q = 0; q < 200; q++) {
            int addr = q % 4 == 0 ? rnd.nextInt() : 0x0A000000 | rnd.nextInt(1 << 17);
            assertThat(t.lookupV4(addr)).isEqualTo(bruteForceV4(blocks, values, addr));
        }
    }

    @Property(tries = 200)
    void ipv6LookupsAgreeWithBruteForce(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 128) Integer> lens,
            @ForAll long seed) {
        Random rnd = new Random(seed);
        List<CidrBlock> blocks = new ArrayList<>();
        for (int len : lens) {
            long hi = 0x20010db800000000L | (rnd.nextInt(4));
            long lo = rnd.nextInt(8) == 0 ? -1L : rnd.nextInt(64);
            blocks.add(block(true, hi, lo, len));
        }
        int[] values = new int[blocks.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        CidrTable t = CidrTable.build(blocks, values, values.clone());
        for (int q = 0; q < 200; q++) {
            long hi = q % 5 == 0 ? rnd.nextLong() : 0x20010db800000000L | rnd.nextInt(4);
            long lo = q % 3 == 0 ? rnd.nextLong() : rnd.nextInt(80) - 8;
            assertThat(t.lookupV6(hi, lo)).isEqualTo(bruteForceV6(blocks, values, hi, lo));
        }
    }

    private static CidrBlock randomV4Block(Random rnd, int minLen, int maxLen) {
        int len = minLen + rnd.nextInt(maxLen - minLen + 1);
        return block(false, 0, rnd.nextInt() & 0xFFFFFFFFL, len);
    }

    /** Returns the block of length len containing the given address (host bits cleared). */
    private static CidrBlock block(boolean v6, long hi, long lo, int len) {
        CidrBlock b = new CidrBlock(v6, hi, lo, len);
        return new CidrBlock(v6, hi & b.maskHi(), lo & b.maskLo(), len);
    }

    private static int bruteForceV4(List<CidrBlock> blocks, int[] values, int addr) {
        long a = addr & 0xFFFFFFFFL;
        int best = -1;
        int bestLen = -1;
        for (int i = 0; i < blocks.size(); i++) {
            CidrBlock b = blocks.get(i);
            if (!b.v6() && (a & b.maskLo()) == b.lo() && b.prefixLength() >= bestLen) {
                best = values[i];
                bestLen = b.prefixLength();
            }
        }
        return best;
    }

    private static int bruteForceV6(List<CidrBlock> blocks, int[] values, long hi, long lo) {
        int best = -1;
        int bestLen = -1;
        for (int i = 0; i < blocks.size(); i++) {
            CidrBlock b = blocks.get(i);
            if (b.v6() && (hi & b.maskHi()) == b.hi() && (lo & b.maskLo()) == b.lo() && b.prefixLength() >= bestLen) {
                best = values[i];
                bestLen = b.prefixLength();
            }
        }
        return best;
    }
}
