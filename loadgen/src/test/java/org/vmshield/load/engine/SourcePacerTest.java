package org.vmshield.load.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourcePacerTest {
    private static final long MS = 1_000_000L;

    @Test
    void anOnTimeSourceAlwaysSendsEvenWithTimerJitter() {
        SourcePacer pacer = new SourcePacer(5, 1); // one send every 200 ms
        long t = 0;
        for (int i = 0; i < 50; i++) {
            long jitter = (i % 2 == 0) ? 8 * MS : 0; // alternately late by 8 ms
            assertThat(pacer.tryTake(0, t + jitter)).as("send %d", i).isTrue();
            t += 200 * MS;
        }
    }

    @Test
    void aLateBurstIsCutToTheCap() {
        SourcePacer pacer = new SourcePacer(5, 2);
        int sent = 0;
        for (int i = 0; i < 10; i++) { // ten arrivals of one source all sent at the same late instant
            if (pacer.tryTake(0, 2_000 * MS)) {
                sent++;
            }
        }
        assertThat(sent).isEqualTo(1);
        assertThat(pacer.tryTake(1, 2_000 * MS)).as("another source has its own bucket").isTrue();
        assertThat(pacer.tryTake(0, 2_100 * MS)).as("half a period later").isFalse();
        assertThat(pacer.tryTake(0, 2_200 * MS)).as("a full period later").isTrue();
    }
}
