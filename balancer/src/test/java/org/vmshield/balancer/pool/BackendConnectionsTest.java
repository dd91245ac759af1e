package org.vmshield.balancer.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackendConnectionsTest {
    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final BackendAddress address = BackendAddress.parse("address", "127.0.0.1:9000");
    private final BackendConnections connections = new BackendConnections(MAX_IDLE_NANOS, SWEEP_NANOS);

    private EmbeddedChannel idleConnection(EmbeddedChannel clock) {
        EmbeddedChannel ch = new EmbeddedChannel();
        BackendConnections.tag(ch, address);
        assertThat(connections.offer(clock.eventLoop(), ch, address)).isTrue();
        return ch;
    }

    @Test
    void staleIdleConnectionIsClosedByTheLoopTimerWithoutAnyRequest() {
        EmbeddedChannel clock = new EmbeddedChannel(); // its loop runs the sweep; time moves only when told
        clock.freezeTime();
        EmbeddedChannel old = idleConnection(clock);
        clock.advanceTimeBy(5, TimeUnit.SECONDS);
        EmbeddedChannel recent = idleConnection(clock);

        clock.advanceTimeBy(3500, TimeUnit.MILLISECONDS);
        clock.runScheduledPendingTasks();
        assertThat(old.isOpen()).as("idle 8.5 s: kept").isTrue();

        clock.advanceTimeBy(1, TimeUnit.SECONDS);
        clock.runScheduledPendingTasks();
        assertThat(old.isOpen()).as("idle 9.5 s: stale before the next sweep, closed").isFalse();
        assertThat(recent.isOpen()).isTrue();
        assertThat(connections.idleCount()).isEqualTo(1);
        assertThat(connections.poll(clock.eventLoop(), address)).isSameAs(recent);
    }

    @Test
    void pollReusesTheMostRecentConnectionAndSkipsOnesToAnOldAddress() {
        EmbeddedChannel clock = new EmbeddedChannel();
        clock.freezeTime();
        EventLoop loop = clock.eventLoop();
        EmbeddedChannel first = idleConnection(clock);
        EmbeddedChannel second = idleConnection(clock);
        assertThat(connections.poll(loop, address)).isSameAs(second);

        BackendAddress moved = BackendAddress.parse("address", "127.0.0.1:9001");
        assertThat(connections.poll(loop, moved)).as("only connections to the current address").isNull();
        assertThat(first.isOpen()).isFalse();
        assertThat(connections.offer(loop, second, moved)).as("tagged with the old address").isFalse();
    }

    @Test
    void closeClosesIdleConnectionsStopsTheSweepAndRefusesLaterOffers() {
        EmbeddedChannel clock = new EmbeddedChannel();
        clock.freezeTime();
        EmbeddedChannel idle = idleConnection(clock);

        connections.close();
        clock.runPendingTasks();
        assertThat(idle.isOpen()).isFalse();
        EmbeddedChannel late = new EmbeddedChannel();
        BackendConnections.tag(late, address);
        assertThat(connections.offer(clock.eventLoop(), late, address)).isFalse();
        clock.advanceTimeBy(2, TimeUnit.SECONDS);
        assertThat(clock.runScheduledPendingTasks()).as("no sweep left scheduled").isEqualTo(-1);
    }

    @Test
    void aSpareIsClaimedOneAtATimeAndOnlyWhileTooFewAreIdle() {
        EmbeddedChannel clock = new EmbeddedChannel();
        clock.freezeTime();
        EventLoop loop = clock.eventLoop();
        assertThat(connections.claimSpare(loop, 0)).as("no spares asked for").isFalse();
        assertThat(connections.claimSpare(loop, 2)).isTrue();
        assertThat(connections.claimSpare(loop, 2)).as("one is being opened").isFalse();
        connections.spareOpened(loop);
        idleConnection(clock);
        assertThat(connections.claimSpare(loop, 2)).as("1 idle of 2").isTrue();
        connections.spareOpened(loop);
        idleConnection(clock);
        assertThat(connections.claimSpare(loop, 2)).as("2 idle of 2").isFalse();

        connections.close();
        assertThat(connections.claimSpare(loop, 5)).as("backend removed").isFalse();
    }

    @Test
    void rejectsNonPositiveTimes() {
        assertThatThrownBy(() -> new BackendConnections(0, SWEEP_NANOS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: > 0");
    }
}
