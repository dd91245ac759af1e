package org.vmshield.balancer.guard.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceRateTableTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long SEED = 0x5eedL;
    private static final long ATTACKER = SourceKeys.ofV4(0x7F420001); // 127.66.0.1

    private static int allowed(SourceRateTable t, long key, int tries, long now) {
        int n = 0;
        for (int i = 0; i < tries; i++) {
            if (t.tryAcquire(key, now)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void allowsTheBurstThenTheRate() {
        SourceRateTable t = new SourceRateTable(1000, 10, 5, SEED);
        long now = 123 * SECOND;
        assertThat(allowed(t, ATTACKER, 20, now)).isEqualTo(5);
        // 10 rps: one token every 100 ms.
        assertThat(t.tryAcquire(ATTACKER, now + 99_000_000)).isFalse();
        assertThat(t.tryAcquire(ATTACKER, now + 100_000_000)).isTrue();
        assertThat(t.tryAcquire(ATTACKER, now + 100_000_000)).isFalse();
        // After a long pause the bucket is full again, but never fuller than the burst.
        assertThat(allowed(t, ATTACKER, 20, now + 60 * SECOND)).isEqualTo(5);
    }

    @Test
    void keepsSourcesApart() {
        SourceRateTable t = new SourceRateTable(1000, 1, 2, SEED);
        long now = 0;
        assertThat(allowed(t, ATTACKER, 5, now)).isEqualTo(2);
        assertThat(allowed(t, SourceKeys.ofV4(0x7F010001), 5, now)).isEqualTo(2);
        assertThat(allowed(t, SourceKeys.ofV6Prefix(0x20010db800000001L), 5, now)).isEqualTo(2);
    }

    @Test
    void sustainsTheConfiguredRateOverTime() {
        SourceRateTable t = new SourceRateTable(1000, 100, 10, SEED);
        long now = -5 * SECOND; // nanoTime may be negative
        int ok = 0;
        // 10 s at 1000 attempts per second: expect burst + 100 * 10.
        for (int i = 0; i < 10_000; i++) {
            if (t.tryAcquire(ATTACKER, now + i * 1_000_000L)) {
                ok++;
            }
        }
        assertThat(ok).isBetween(1000, 1011);
    }

    @Test
    void anAttackerCannotFloodItsOwnEntryOutOfATinyTable() {
        // 64 slots, then a flood of 50k other sources (addresses the attacker controls) tries to
        // push the attacker's emptied bucket out of the table.
        SourceRateTable t = new SourceRateTable(32, 1, 10, SEED);
        long now = 1000 * SECOND;
        assertThat(allowed(t, ATTACKER, 100, now)).isEqualTo(10);
        // Each flooding source empties its own bucket too, later than the attacker did: a policy
        // that evicts the oldest or emptiest entry would pick the attacker's.
        for (int i = 0; i < 50_000; i++) {
            for (int k = 0; k < 10; k++) {
                t.tryAcquire(SourceKeys.ofV4(0x7F430000 + i), now + 1000 + i); // 127.67.x.y
            }
        }
        assertThat(t.trackedSources()).isLessThanOrEqualTo(64);
        // Still within the same second: the attacker earned at most one token back.
        assertThat(allowed(t, ATTACKER, 100, now + SECOND / 2)).isZero();
        assertThat(allowed(t, ATTACKER, 100, now + SECOND)).isEqualTo(1);
    }

    @Test
    void anAttackerCannotFloodWithHeavyUsersEither() {
        // Same, but the flooding sources also empty their buckets, so no slot is ever evictable:
        // newcomers land in the shared overflow buckets, which are also limited.
        SourceRateTable t = new SourceRateTable(32, 1, 3, SEED);
        long now = 0;
        assertThat(allowed(t, ATTACKER, 10, now)).isEqualTo(3);
        int overflowAllowed = 0;
        for (int i = 0; i < 20_000; i++) {
            overflowAllowed += allowed(t, SourceKeys.ofV4(0x7F440000 + i), 5, now);
        }
        assertThat(allowed(t, ATTACKER, 10, now)).isZero();
        // Sources beyond the table share buckets: together they get far less than 5 each.
        assertThat(overflowAllowed).isLessThan(20_000 * 3);
    }

    @Test
    void givesAnIdleSlotToANewSourceWithoutRefillingOthers() {
        SourceRateTable t = new SourceRateTable(32, 1, 2, SEED);
        long now = 0;
        for (int i = 0; i < 64; i++) {
            allowed(t, SourceKeys.ofV4(0x7F450000 + i), 2, now);
        }
        // Later, old buckets are full again, so their slots are free for new sources.
        long later = now + 10 * SECOND;
        int admitted = 0;
        for (int i = 0; i < 32; i++) {
            admitted += allowed(t, SourceKeys.ofV4(0x7F460000 + i), 2, later);
        }
        assertThat(admitted).isEqualTo(64);
    }

    @Test
    void readsBucketsCorrectlyAfterTheStoredClockWrapsAround() {
        SourceRateTable t = new SourceRateTable(100, 1, 1, SEED);
        long wrap = (1L << 44) * 1000; // 44 bits of microseconds, in nanoseconds
        assertThat(t.tryAcquire(ATTACKER, wrap - SECOND / 2)).isTrue();
        assertThat(t.tryAcquire(ATTACKER, wrap)).isFalse();
        assertThat(t.tryAcquire(ATTACKER, wrap + SECOND / 2)).isTrue();
    }

    @Test
    void sharedBucketLimitsEveryoneTogether() {
        SharedTokenBucket b = new SharedTokenBucket(2, 4);
        int ok = 0;
        for (int i = 0; i < 10; i++) {
            ok += b.tryAcquire(0) ? 1 : 0;
        }
        assertThat(ok).isEqualTo(4);
        assertThat(b.tryAcquire(SECOND / 2)).isTrue();
        assertThat(b.tryAcquire(SECOND / 2)).isFalse();
    }
}
