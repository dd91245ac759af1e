package org.vmshield.hypervisor.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.vmshield.hypervisor.qmp.FakeQmpServer.Connection.event;
import static org.vmshield.hypervisor.qmp.FakeQmpServer.Connection.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class QmpClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LONG = Duration.ofSeconds(10);

    private final ExecutorService connector = Executors.newSingleThreadExecutor();
    private FakeQmpServer server;
    private FakeQmpServer.Connection qemu;
    private QmpClient client;

    @BeforeEach
    void startServer() throws Exception {
        server = FakeQmpServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (qemu != null) {
            qemu.close();
        }
        server.close();
        connector.shutdownNow();
    }

    /** Connects a client and plays QEMU's side of the negotiation; returns the capabilities command. */
    private JsonNode connect() throws Exception {
        CompletableFuture<QmpClient> connecting = CompletableFuture.supplyAsync(() -> {
            try {
                return QmpClient.connect(server.path(), Duration.ofSeconds(5));
            } catch (QmpException e) {
                throw new IllegalStateException(e);
            }
        }, connector);
        qemu = server.accept();
        qemu.sendRaw(FakeQmpServer.GREETING);
        JsonNode capabilities = qemu.answerNext("{}");
        client = connecting.get(5, TimeUnit.SECONDS);
        return capabilities;
    }

    @Test
    void negotiatesCapabilitiesAfterTheGreeting() throws Exception {
        JsonNode capabilities = connect();

        assertThat(capabilities.get("execute").asText()).isEqualTo("qmp_capabilities");
        assertThat(capabilities.has("id")).isTrue();
        assertThat(client.isOpen()).isTrue();
        assertThat(client.greeting().at("/QMP/version/qemu/major").asInt()).isEqualTo(7);
    }

    @Test
    void correlatesRepliesByIdWhenQemuAnswersOutOfOrder() throws Exception {
        connect();
        CompletableFuture<JsonNode> status = client.send("query-status", null, LONG);
        CompletableFuture<JsonNode> version = client.send("query-version", null, LONG);
        JsonNode first = qemu.readCommand();
        JsonNode second = qemu.readCommand();
        assertThat(first.get("id")).isNotEqualTo(second.get("id"));

        qemu.sendRaw(reply(second, "{\"v\": 2}"));
        qemu.sendRaw(reply(first, "{\"v\": 1}"));

        assertThat(status.get(5, TimeUnit.SECONDS).get("v").asInt()).isEqualTo(1);
        assertThat(version.get(5, TimeUnit.SECONDS).get("v").asInt()).isEqualTo(2);
    }

    @Test
    void sendsArgumentsAsGiven() throws Exception {
        connect();
        JsonNode arguments = JSON.readTree("{\"uri\": \"tcp:127.0.0.1:4444\", \"blk\": false}");
        CompletableFuture<JsonNode> migrate = client.send("migrate", arguments, LONG);
        JsonNode command = qemu.answerNext("{}");

        assertThat(command.get("execute").asText()).isEqualTo("migrate");
        assertThat(command.get("arguments")).isEqualTo(arguments);
        assertThat(migrate.get(5, TimeUnit.SECONDS).isObject()).isTrue();
    }

    @Test
    void handlesSeveralMessagesInOneRead() throws Exception {
        connect();
        List<QmpEvent> events = new CopyOnWriteArrayList<>();
        client.onEvent(events::add);
        CompletableFuture<JsonNode> status = client.send("query-status", null, LONG);
        JsonNode command = qemu.readCommand();

        qemu.sendRaw(event("STOP", null, 1, 2) + reply(command, "{\"status\": \"paused\"}") + event("RESUME", "{}", 3, 4));

        assertThat(status.get(5, TimeUnit.SECONDS).get("status").asText()).isEqualTo("paused");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
        assertThat(events).extracting(QmpEvent::name).containsExactly("STOP", "RESUME");
    }

    @Test
    void joinsAMessageSplitOverSeveralReads() throws Exception {
        connect();
        CompletableFuture<JsonNode> status = client.send("query-status", null, LONG);
        JsonNode command = qemu.readCommand();
        byte[] bytes = reply(command, "{\"status\": \"running \u00e9\"}").getBytes(StandardCharsets.UTF_8);
        int cut = indexOf(bytes, (byte) 0xC3) + 1; // between the two bytes of 'é'
        byte[] head = java.util.Arrays.copyOfRange(bytes, 0, cut);
        byte[] tail = java.util.Arrays.copyOfRange(bytes, cut, bytes.length);

        qemu.sendBytes(head);
        assertThat(status).isNotDone();
        qemu.sendBytes(tail);

        assertThat(status.get(5, TimeUnit.SECONDS).get("status").asText()).isEqualTo("running \u00e9");
    }

    @Test
    void deliversEventsInterleavedWithRepliesInOrderWithTheirData() throws Exception {
        connect();
        List<QmpEvent> events = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        client.onEvent(event -> {
            events.add(event);
            threads.add(Thread.currentThread().getName());
        });
        CompletableFuture<JsonNode> first = client.send("migrate", JSON.createObjectNode(), LONG);
        JsonNode migrate = qemu.readCommand();
        qemu.sendRaw(event("MIGRATION", "{\"status\": \"setup\"}", 10, 1));
        qemu.sendRaw(reply(migrate, "{}"));
        qemu.sendRaw(event("MIGRATION_PASS", "{\"pass\": 1}", 10, 2));
        CompletableFuture<JsonNode> second = client.send("query-migrate", null, LONG);
        JsonNode query = qemu.readCommand();
        qemu.sendRaw(event("MIGRATION_PASS", "{\"pass\": 2}", 10, 3) + reply(query, "{\"status\": \"active\"}"));
        qemu.sendRaw(event("MIGRATION", "{\"status\": \"completed\"}", 11, 0));

        first.get(5, TimeUnit.SECONDS);
        assertThat(second.get(5, TimeUnit.SECONDS).get("status").asText()).isEqualTo("active");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 4);
        assertThat(events).extracting(QmpEvent::name)
                .containsExactly("MIGRATION", "MIGRATION_PASS", "MIGRATION_PASS", "MIGRATION");
        assertThat(events.get(2).data().get("pass").asInt()).isEqualTo(2);
        assertThat(events.get(0).timestampMicros()).isEqualTo(10_000_001L);
        assertThat(events.get(3).data().get("status").asText()).isEqualTo("completed");
        assertThat(threads).containsOnly(threads.get(0));
        assertThat(threads.get(0)).startsWith("qmp-events-");
    }

    @Test
    void keepsDeliveringWhenAListenerThrowsAndStopsAfterUnsubscribe() throws Exception {
        connect();
        List<String> seen = new CopyOnWriteArrayList<>();
        client.onEvent(event -> {
            throw new IllegalStateException("listener bug");
        });
        AutoCloseable subscription = client.onEvent(event -> seen.add(event.name()));
        qemu.sendRaw(event("STOP", null, 1, 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 1);

        subscription.close();
        CompletableFuture<QmpEvent> resume = client.nextEvent("RESUME", null);
        qemu.sendRaw(event("RESUME", null, 2, 0));
        resume.get(5, TimeUnit.SECONDS);

        assertThat(seen).containsExactly("STOP");
    }

    @Test
    void nextEventWaitsForTheEventItsFilterAccepts() throws Exception {
        connect();
        CompletableFuture<QmpEvent> completed =
                client.nextEvent("MIGRATION", e -> e.data().path("status").asText().equals("completed"));
        qemu.sendRaw(event("MIGRATION", "{\"status\": \"active\"}", 1, 0));
        qemu.sendRaw(event("STOP", null, 1, 1));
        qemu.sendRaw(event("MIGRATION", "{\"status\": \"completed\"}", 2, 0));

        assertThat(completed.get(5, TimeUnit.SECONDS).timestampMicros()).isEqualTo(2_000_000L);
    }

    @Test
    void failsACommandWithQemusErrorAndStaysUsable() throws Exception {
        connect();
        CompletableFuture<JsonNode> bad = client.send("migrate", JSON.createObjectNode(), LONG);
        JsonNode command = qemu.readCommand();
        qemu.sendRaw("{\"id\": " + command.get("id") + ", \"error\": {\"class\": \"GenericError\","
                + " \"desc\": \"Parameter 'uri' is missing\"}}\r\n");

        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(QmpErrorException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo("GenericError");
                    assertThat(e.description()).isEqualTo("Parameter 'uri' is missing");
                    assertThat(e.command()).isEqualTo("migrate");
                    assertThat(e).hasMessageContaining("migrate").hasMessageContaining("Parameter 'uri' is missing");
                });

        CompletableFuture<JsonNode> call = CompletableFuture.supplyAsync(() -> {
            try {
                return client.call("query-status", null);
            } catch (QmpException e) {
                throw new IllegalStateException(e);
            }
        }, connector);
        qemu.answerNext("{\"status\": \"running\"}");
        assertThat(call.get(5, TimeUnit.SECONDS).get("status").asText()).isEqualTo("running");
    }

    @Test
    void callThrowsTheTypedErrorWithQemusMessage() throws Exception {
        connect();
        CompletableFuture<Throwable> thrown = CompletableFuture.supplyAsync(() -> {
            try {
                client.call("no-such-command", null);
                return null;
            } catch (QmpException e) {
                return e;
            }
        }, connector);
        JsonNode command = qemu.readCommand();
        qemu.sendRaw("{\"id\": " + command.get("id") + ", \"error\": {\"class\": \"CommandNotFound\","
                + " \"desc\": \"The command no-such-command has not been found\"}}\r\n");

        assertThat(thrown.get(5, TimeUnit.SECONDS))
                .isInstanceOf(QmpErrorException.class)
                .hasMessageContaining("has not been found");
    }

    @Test
    void timesOutACommandWithoutReplyAndIgnoresTheLateReply() throws Exception {
        connect();
        CompletableFuture<JsonNode> slow = client.send("query-status", null, Duration.ofMillis(200));
        JsonNode command = qemu.readCommand();

        assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(QmpTimeoutException.class)
                .hasMessageContaining("query-status")
                .hasMessageContaining("200 ms");

        qemu.sendRaw(reply(command, "{\"late\": true}"));
        CompletableFuture<JsonNode> next = client.send("query-version", null, LONG);
        qemu.answerNext("{\"ok\": true}");
        assertThat(next.get(5, TimeUnit.SECONDS).get("ok").asBoolean()).isTrue();
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void closesWithAClearReasonOnGarbageAndFailsPendingCommands() throws Exception {
        connect();
        CompletableFuture<JsonNode> pending = client.send("query-status", null, LONG);
        qemu.readCommand();

        qemu.sendRaw("this is not QMP\r\n");

        assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(QmpConnectionLostException.class)
                .hasMessageContaining("query-status")
                .hasMessageContaining("not JSON")
                .hasMessageContaining("this is not QMP");
        assertThatThrownBy(() -> client.closedFuture().get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(QmpConnectionLostException.class);
        assertThat(client.isOpen()).isFalse();
    }

    @Test
    void closesOnJsonThatIsNotAQmpMessage() throws Exception {
        connect();
        qemu.sendRaw("[1, 2, 3]\r\n");

        assertThatThrownBy(() -> client.closedFuture().get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(QmpConnectionLostException.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void failsPendingCommandsAndLaterSendsWhenTheSocketIsLost() throws Exception {
        connect();
        CompletableFuture<QmpEvent> shutdown = client.nextEvent("SHUTDOWN", null);
        CompletableFuture<JsonNode> pending = client.send("query-status", null, LONG);
        qemu.readCommand();

        qemu.close();

        assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(QmpConnectionLostException.class)
                .hasMessageContaining("closed the QMP socket");
        assertThatThrownBy(() -> client.closedFuture().get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(QmpConnectionLostException.class);
        assertThatThrownBy(() -> shutdown.get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(QmpConnectionLostException.class)
                .hasMessageContaining("no SHUTDOWN event");
        CompletableFuture<JsonNode> after = client.send("query-status", null, LONG);
        assertThat(after).isCompletedExceptionally();
        assertThatThrownBy(() -> client.call("query-status", null)).isInstanceOf(QmpConnectionLostException.class);
    }

    @Test
    void deliversTheLastEventsBeforeReportingTheClose() throws Exception {
        connect();
        CompletableFuture<QmpEvent> shutdown = client.nextEvent("SHUTDOWN", null);

        qemu.sendRaw(event("SHUTDOWN", "{\"guest\": false, \"reason\": \"host-qmp-quit\"}", 5, 0));
        qemu.close();

        assertThat(shutdown.get(5, TimeUnit.SECONDS).data().get("reason").asText()).isEqualTo("host-qmp-quit");
        assertThatThrownBy(() -> client.closedFuture().get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(QmpConnectionLostException.class);
    }

    @Test
    void closeFailsPendingCommandsAndCompletesNormally() throws Exception {
        connect();
        CompletableFuture<JsonNode> pending = client.send("query-status", null, LONG);

        client.close();

        assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(QmpConnectionLostException.class)
                .hasMessageContaining("closed");
        client.closedFuture().get(5, TimeUnit.SECONDS);
        assertThat(client.isOpen()).isFalse();
        client.close(); // idempotent
    }

    @Test
    void nextEventAfterTheCloseFailsAtOnce() throws Exception {
        connect();
        client.close();
        client.closedFuture().get(5, TimeUnit.SECONDS);

        assertThatThrownBy(() -> client.nextEvent("SHUTDOWN", null).get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(QmpConnectionLostException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void refusesBadArguments() throws Exception {
        connect();

        assertThatThrownBy(() -> client.send("migrate", JSON.readTree("[1]"), LONG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected: a JSON object or null");
        assertThatThrownBy(() -> client.send(" ", null, LONG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.send("query-status", null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected: > 0");
    }

    @Test
    void connectTimesOutWhenQemuNeverGreets() throws Exception {
        CompletableFuture<Throwable> thrown = CompletableFuture.supplyAsync(() -> {
            try {
                QmpClient.connect(server.path(), Duration.ofMillis(300)).close();
                return null;
            } catch (QmpException e) {
                return e;
            }
        }, connector);
        qemu = server.accept();

        assertThat(thrown.get(5, TimeUnit.SECONDS))
                .isInstanceOf(QmpTimeoutException.class)
                .hasMessageContaining("no QMP greeting");
    }

    @Test
    void connectFailsClearlyWhenNoSocketAppears() {
        assertThatThrownBy(() -> QmpClient.connect(server.path().resolveSibling("missing.sock"), Duration.ofMillis(100)))
                .isInstanceOf(QmpConnectionLostException.class)
                .hasMessageContaining("cannot connect to QMP socket")
                .hasMessageContaining("missing.sock");
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new AssertionError("byte not found");
    }
}
