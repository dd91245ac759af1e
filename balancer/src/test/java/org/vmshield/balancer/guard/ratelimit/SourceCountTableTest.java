package org.vmshield.balancer.guard.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceCountTableTest {
    private static final long A = SourceKeys.ofV4(0x7F420001);

    @Test
    void capsEachSourceAndFreesPlacesOnDecrement() {
        SourceCountTable t = new SourceCountTable(1000, 1);
        assertThat(t.tryIncrement(A, 2)).isTrue();
        assertThat(t.tryIncrement(A, 2)).isTrue();
        assertThat(t.tryIncrement(A, 2)).isFalse();
        assertThat(t.count(A)).isEqualTo(2);
        assertThat(t.tryIncrement(SourceKeys.ofV4(0x7F420002), 2)).isTrue();
        t.decrement(A);
        assertThat(t.tryIncrement(A, 2)).isTrue();
        assertThat(t.tryIncrement(A, 2)).isFalse();
    }

    @Test
    void aFloodOfOtherSourcesNeverResetsAnOpenCount() {
        SourceCountTable t = new SourceCountTable(16, 7);
        assertThat(t.tryIncrement(A, 3)).isTrue();
        assertThat(t.tryIncrement(A, 3)).isTrue();
        assertThat(t.tryIncrement(A, 3)).isTrue();
        // Many sources come and go (count back to 0: their slots are reusable) ...
        for (int i = 0; i < 50_000; i++) {
            long k = SourceKeys.ofV4(0x7F430000 + i);
            if (t.tryIncrement(k, 3)) {
                t.decrement(k);
            }
        }
        // ... and many stay (table full of live counts: newcomers go to the shared overflow).
        for (int i = 0; i < 5_000; i++) {
            t.tryIncrement(SourceKeys.ofV4(0x7F440000 + i), 3);
        }
        assertThat(t.count(A)).isEqualTo(3);
        assertThat(t.tryIncrement(A, 3)).isFalse();
    }

    @Test
    void overflowCountsAreConservativeAndReleased() {
        SourceCountTable t = new SourceCountTable(16, 7);
        long[] keys = new long[2000];
        int admitted = 0;
        for (int i = 0; i < keys.length; i++) {
            keys[i] = SourceKeys.ofV4(0x7F470000 + i);
            if (t.tryIncrement(keys[i], 1)) {
                admitted++;
            } else {
                keys[i] = 0;
            }
        }
        assertThat(admitted).isLessThan(keys.length); // shared overflow counters refuse sooner
        for (long k : keys) {
            if (k != 0) {
                t.decrement(k);
            }
        }
        // Everything released: every source may open a connection again.
        assertThat(t.tryIncrement(SourceKeys.ofV4(0x7F470005), 1)).isTrue();
        for (int i = 0; i < 32; i++) {
            assertThat(t.count(SourceKeys.ofV4(0x7F470000 + i))).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void formatsKeysAsAddresses() {
        assertThat(SourceKeys.toText(A)).isEqualTo("127.66.0.1");
        assertThat(SourceKeys.toText(SourceKeys.ofV6Prefix(0x20010db800010002L))).isEqualTo("2001:db8:1:2::/64");
        assertThat(SourceKeys.toText(SourceKeys.ofV6Prefix(0))).isEqualTo("::/64");
    }
}
