package org.vmshield.hypervisor.qmp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An asynchronous client of one QEMU's QMP socket (a UNIX domain socket).
 *
 * <p>Threads: one daemon reader thread per client parses what QEMU sends; one daemon event
 * thread per client delivers events to listeners in the order QEMU sent them; reply futures are
 * completed on a shared pool, so a caller's dependent stages never run on the reader thread.
 * Every event QEMU sent before the socket closed is delivered before {@link #closedFuture()}
 * completes.
 *
 * <p>Failures: QEMU's {@code "error"} replies fail a command with {@link QmpErrorException}; a
 * command without a reply in time fails with {@link QmpTimeoutException} (the client stays
 * usable); a lost socket, or anything from QEMU that is not QMP, closes the client and fails
 * every pending command with {@link QmpConnectionLostException}.
 */
public final class QmpClient implements AutoCloseable {
    /** The timeout of {@link #call(String, JsonNode)}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The longest line accepted from QEMU; QMP replies are far smaller. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(QmpClient.class);
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final long CONNECT_RETRY_MILLIS = 20;

    private final Path socketPath;
    private final SocketChannel channel;
    private final Object writeLock = new Object();
    private final AtomicLong nextId = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<QmpEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService eventThread;
    private final CompletableFuture<JsonNode> greeting = new CompletableFuture<>();
    private final Set<Runnable> closeHooks = ConcurrentHashMap.newKeySet();
    private volatile boolean closeHooksFired;
    private final CompletableFuture<Void> closedPublic = new CompletableFuture<>();
    private final AtomicReference<QmpConnectionLostException> closeReason = new AtomicReference<>();
    private final QmpLineDecoder decoder = new QmpLineDecoder(MAX_LINE_BYTES);

    private record Pending(String command, CompletableFuture<JsonNode> future, ScheduledFuture<?> timer) {}

    private QmpClient(Path socketPath, SocketChannel channel) {
        this.socketPath = socketPath;
        this.channel = channel;
        String name = String.valueOf(socketPath.getFileName());
        this.eventThread = Executors.newSingleThreadExecutor(QmpThreads.daemon("qmp-events-" + name + "-"));
        Thread reader = new Thread(this::readLoop, "qmp-reader-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Connects to the QMP socket at {@code unixSocket}, reads QEMU's greeting and negotiates
     * capabilities ({@code qmp_capabilities}). While the socket does not exist yet or refuses
     * connections (QEMU still starting), retries until {@code timeout} has passed.
     *
     * @throws QmpTimeoutException when QEMU did not greet and negotiate within {@code timeout}
     * @throws QmpConnectionLostException when the socket cannot be reached or closes meanwhile
     */
    public static QmpClient connect(Path unixSocket, Duration timeout) throws QmpException {
        Objects.requireNonNull(unixSocket, "unixSocket");
        requirePositive(timeout, "timeout");
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        QmpClient client = new QmpClient(unixSocket, open(unixSocket, timeout, deadlineNanos));
        try {
            await(client.greeting, remainingNanos(deadlineNanos),
                    "no QMP greeting from " + unixSocket + " within " + timeout.toMillis() + " ms");
            Duration left = Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), remainingNanos(deadlineNanos)));
            await(client.send("qmp_capabilities", null, left),
                    Long.MAX_VALUE, "qmp_capabilities");
            return client;
        } catch (QmpException e) {
            client.close();
            throw e;
        }
    }

    /**
     * Sends {@code command} with {@code argumentsOrNull} (a JSON object, or null for none).
     * The future completes with QEMU's {@code "return"} value, or exceptionally with
     * {@link QmpErrorException}, {@link QmpTimeoutException} after {@code timeout}, or
     * {@link QmpConnectionLostException}.
     */
    public CompletableFuture<JsonNode> send(String command, JsonNode argumentsOrNull, Duration timeout) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("command: '" + command + "' (expected: a QMP command name)");
        }
        if (argumentsOrNull != null && !argumentsOrNull.isObject()) {
            throw new IllegalArgumentException(
                    "arguments of " + command + ": " + argumentsOrNull + " (expected: a JSON object or null)");
        }
        requirePositive(timeout, "timeout");
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        QmpConnectionLostException reason = closeReason.get();
        if (reason != null) {
            future.completeExceptionally(lostFor(command, reason));
            return future;
        }
        String id = "vms-" + nextId.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("execute", command);
        if (argumentsOrNull != null) {
            message.set("arguments", argumentsOrNull);
        }
        message.put("id", id);
        byte[] bytes;
        try {
            bytes = (JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("arguments of " + command + " cannot be written as JSON", e);
        }
        ScheduledFuture<?> timer = QmpThreads.TIMEOUTS.schedule(() -> {
            pending.remove(id);
            completeLater(future, null, new QmpTimeoutException(
                    command + ": no reply from QEMU (" + socketPath + ") within " + timeout.toMillis() + " ms"));
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        pending.put(id, new Pending(command, future, timer));
        reason = closeReason.get();
        if (reason != null) {
            // Closed between the first check and put(): fail it here, the closer may have missed it.
            failPending(id, reason);
            return future;
        }
        try {
            synchronized (writeLock) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } catch (IOException e) {
            shutDown(new QmpConnectionLostException("writing to QMP socket " + socketPath + " failed: " + e, e),
                    false);
        }
        return future;
    }

    /**
     * Sends {@code command} and waits for its reply, at most {@link #DEFAULT_TIMEOUT}.
     *
     * @return QEMU's {@code "return"} value
     */
    public JsonNode call(String command, JsonNode argumentsOrNull) throws QmpException {
        return await(send(command, argumentsOrNull, DEFAULT_TIMEOUT), Long.MAX_VALUE, command);
    }

    /**
     * Subscribes {@code listener} to every event, delivered in order on this client's event
     * thread; a listener that throws is logged and stays subscribed. Close the returned handle to
     * unsubscribe.
     */
    public AutoCloseable onEvent(Consumer<QmpEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Returns a future of the next event named {@code name} that {@code filter} (null: any)
     * accepts; it fails with {@link QmpConnectionLostException} when the client closes first.
     * Call it before sending the command that causes the event. Cancel the future, or bound it
     * with {@code orTimeout}, to stop waiting.
     */
    public CompletableFuture<QmpEvent> nextEvent(String name, Predicate<QmpEvent> filter) {
        Objects.requireNonNull(name, "name");
        Predicate<QmpEvent> accept = filter == null ? event -> true : filter;
        CompletableFuture<QmpEvent> future = new CompletableFuture<>();
        Consumer<QmpEvent> listener = event -> {
            if (event.name().equals(name)) {
                try {
                    if (accept.test(event)) {
                        future.complete(event);
                    }
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                }
            }
        };
        Runnable failOnClose = () -> future.completeExceptionally(new QmpConnectionLostException(
                "no " + name + " event before the QMP connection to " + socketPath + " closed: " + reasonText()));
        listeners.add(listener);
        closeHooks.add(failOnClose);
        future.whenComplete((event, error) -> {
            listeners.remove(listener);
            closeHooks.remove(failOnClose);
        });
        if (closeHooksFired) {
            failOnClose.run(); // closed already, or closing: the close task may not have seen this hook
        }
        return future;
    }

    /**
     * Returns a future that completes when the client is closed: normally after {@link #close()},
     * exceptionally with a {@link QmpConnectionLostException} saying why when the socket was
     * lost (QEMU exited, or sent something that is not QMP).
     */
    public CompletableFuture<Void> closedFuture() {
        return closedPublic;
    }

    /** Returns true until the socket is lost or the client closed. */
    public boolean isOpen() {
        return closeReason.get() == null;
    }

    /** Returns QEMU's greeting, e.g. {@code {"QMP": {"version": ..., "capabilities": [...]}}}. */
    public JsonNode greeting() {
        return greeting.getNow(null);
    }

    /** Returns the path of the QMP socket this client talks to. */
    public Path socketPath() {
        return socketPath;
    }

    /** Closes the socket; pending commands fail with {@link QmpConnectionLostException}. Idempotent. */
    @Override
    public void close() {
        shutDown(new QmpConnectionLostException("QMP client for " + socketPath + " closed"), true);
    }

    @Override
    public String toString() {
        return "QmpClient[" + socketPath + (isOpen() ? "" : ", closed") + "]";
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (true) {
                buffer.clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    shutDown(new QmpConnectionLostException("QEMU closed the QMP socket " + socketPath
                            + (decoder.pendingBytes() > 0 ? " in the middle of a message" : "")), false);
                    return;
                }
                buffer.flip();
                for (byte[] line : decoder.feed(buffer)) {
                    handleLine(line);
                }
            }
        } catch (QmpConnectionLostException e) {
            shutDown(e, false);
        } catch (IOException e) {
            if (isOpen()) {
                shutDown(new QmpConnectionLostException("QMP socket " + socketPath + " lost: " + e, e), false);
            }
        } catch (RuntimeException e) {
            log.error("QMP reader for {} failed", socketPath, e);
            shutDown(new QmpConnectionLostException("QMP reader for " + socketPath + " failed: " + e, e), false);
        }
    }

    private void handleLine(byte[] line) throws QmpConnectionLostException {
        JsonNode message;
        try {
            message = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw malformed(line, "not JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw malformed(line, "unreadable JSON (" + e.getMessage() + ")", e);
        }
        if (message == null || !message.isObject()) {
            throw malformed(line, "not a JSON object", null);
        }
        if (message.has("QMP")) {
            greeting.complete(message);
        } else if (message.has("event")) {
            dispatchEvent(message, line);
        } else if (message.has("return") || message.has("error")) {
            dispatchReply(message, line);
        } else {
            throw malformed(line, "neither a greeting, an event nor a reply", null);
        }
    }

    private void dispatchEvent(JsonNode message, byte[] line) throws QmpConnectionLostException {
        JsonNode name = message.get("event");
        if (!name.isTextual()) {
            throw malformed(line, "event name is not a string", null);
        }
        JsonNode data = message.has("data") ? message.get("data") : JSON.createObjectNode();
        JsonNode timestamp = message.path("timestamp");
        long micros = timestamp.path("seconds").asLong(0) * 1_000_000L + timestamp.path("microseconds").asLong(0);
        QmpEvent event = new QmpEvent(name.asText(), data, micros);
        try {
            eventThread.execute(() -> deliver(event));
        } catch (RejectedExecutionException e) {
            log.debug("QMP event {} from {} dropped: client closed", event.name(), socketPath);
        }
    }

    private void deliver(QmpEvent event) {
        for (Consumer<QmpEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("QMP event listener failed on {} from {}", event.name(), socketPath, e);
            }
        }
    }

    private void dispatchReply(JsonNode message, byte[] line) throws QmpConnectionLostException {
        JsonNode id = message.get("id");
        if (id == null) {
            // We send an id with every command; QEMU answers without one only if it could not parse it.
            throw malformed(line, "a reply without an id", null);
        }
        Pending request = pending.remove(id.asText());
        if (request == null) {
            log.debug("QMP reply for unknown or timed-out id {} from {}", id, socketPath);
            return;
        }
        request.timer().cancel(false);
        JsonNode error = message.get("error");
        if (error != null) {
            completeLater(request.future(), null, new QmpErrorException(request.command(),
                    error.path("class").asText("unknown"), error.path("desc").asText(error.toString())));
        } else {
            completeLater(request.future(), message.get("return"), null);
        }
    }

    private QmpConnectionLostException malformed(byte[] line, String what, Throwable cause) {
        String text = new String(line, StandardCharsets.UTF_8);
        String excerpt = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return new QmpConnectionLostException(
                "QEMU sent " + what + " on " + socketPath + ", closing: '" + excerpt + "'", cause);
    }

    private void shutDown(QmpConnectionLostException reason, boolean byUser) {
        if (!closeReason.compareAndSet(null, reason)) {
            return;
        }
        if (!byUser) {
            log.debug("QMP connection lost: {}", reason.getMessage());
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing QMP socket {} failed", socketPath, e);
        }
        greeting.completeExceptionally(reason);
        for (String id : pending.keySet()) {
            failPending(id, reason);
        }
        // Completed on the event thread, after every event QEMU sent before the close.
        eventThread.execute(() -> {
            closeHooksFired = true;
            for (Runnable hook : List.copyOf(closeHooks)) {
                hook.run();
            }
            if (byUser) {
                closedPublic.complete(null);
            } else {
                closedPublic.completeExceptionally(reason);
            }
        });
        eventThread.shutdown();
    }

    private void failPending(String id, QmpConnectionLostException reason) {
        Pending request = pending.remove(id);
        if (request != null) {
            request.timer().cancel(false);
            completeLater(request.future(), null, lostFor(request.command(), reason));
        }
    }

    private String reasonText() {
        QmpConnectionLostException reason = closeReason.get();
        return reason == null ? "open" : reason.getMessage();
    }

    private static QmpConnectionLostException lostFor(String command, QmpConnectionLostException reason) {
        return new QmpConnectionLostException(command + ": " + reason.getMessage(), reason);
    }

    private static void completeLater(CompletableFuture<JsonNode> future, JsonNode value, Throwable error) {
        QmpThreads.COMPLETIONS.execute(() -> {
            if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete(value);
            }
        });
    }

    private static SocketChannel open(Path socket, Duration timeout, long deadlineNanos)
            throws QmpConnectionLostException {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socket);
        IOException last;
        while (true) {
            SocketChannel channel = null;
            try {
                channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                channel.connect(address);
                return channel;
            } catch (IOException e) {
                last = e;
                closeQuietly(channel);
            }
            if (remainingNanos(deadlineNanos) <= 0) {
                throw new QmpConnectionLostException("cannot connect to QMP socket " + socket + " within "
                        + timeout.toMillis() + " ms: " + last, last);
            }
            try {
                Thread.sleep(CONNECT_RETRY_MILLIS); // QEMU is still creating its socket: poll gently
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QmpConnectionLostException("interrupted while connecting to " + socket, e);
            }
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was opened on it
            }
        }
    }

    private static <T> T await(CompletableFuture<T> future, long timeoutNanos, String what) throws QmpException {
        try {
            return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new QmpTimeoutException(what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmpException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof QmpErrorException error) {
                // Rethrow a fresh copy so that the caller's stack trace shows where it waited.
                QmpErrorException copy = new QmpErrorException(error.command(), error.errorClass(), error.description());
                copy.initCause(error);
                throw copy;
            }
            if (cause instanceof QmpTimeoutException timeout) {
                throw new QmpTimeoutException(timeout.getMessage());
            }
            if (cause instanceof QmpConnectionLostException lost) {
                throw new QmpConnectionLostException(lost.getMessage(), lost);
            }
            throw new QmpException(what + " failed: " + cause, cause);
        }
    }

    private static long remainingNanos(long deadlineNanos) {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    private static void requirePositive(Duration timeout, String name) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + ": " + timeout + " (expected: > 0)");
        }
    }
}
