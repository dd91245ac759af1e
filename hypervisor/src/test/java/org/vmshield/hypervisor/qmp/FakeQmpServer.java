package org.vmshield.hypervisor.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A scripted QMP server on a UNIX socket in a temp directory: the test plays QEMU's part. */
final class FakeQmpServer implements AutoCloseable {
    static final String GREETING = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7},"
            + " \"package\": \"fake\"}, \"capabilities\": [\"oob\"]}}\r\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Path path;
    private final ServerSocketChannel server;

    private FakeQmpServer(Path dir) throws IOException {
        this.dir = dir;
        this.path = dir.resolve("qmp.sock");
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
    }

    static FakeQmpServer start() throws IOException {
        return new FakeQmpServer(Files.createTempDirectory("vmshield-fakeqmp"));
    }

    Path path() {
        return path;
    }

    /** Waits for the client to connect. */
    Connection accept() throws IOException {
        return new Connection(server.accept());
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(path);
        Files.deleteIfExists(dir);
    }

    /** The server side of one client connection. */
    static final class Connection implements AutoCloseable {
        private final SocketChannel channel;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        private Connection(SocketChannel channel) {
            this.channel = channel;
        }

        /** Writes {@code text} as it is, in one write. */
        void sendRaw(String text) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        /** Writes raw bytes in one write. */
        void sendBytes(byte[] bytes) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        /** Reads the next command line the client sent. */
        JsonNode readCommand() throws IOException {
            ByteBuffer one = ByteBuffer.allocate(1);
            while (true) {
                one.clear();
                if (channel.read(one) < 0) {
                    throw new IOException("client closed the socket");
                }
                byte b = one.get(0);
                if (b == '\n') {
                    byte[] line = partial.toByteArray();
                    partial.reset();
                    return JSON.readTree(line);
                }
                partial.write(b);
            }
        }

        /** Returns the text of a QMP reply to {@code command} with {@code returnJson}. */
        static String reply(JsonNode command, String returnJson) {
            return "{\"return\": " + returnJson + ", \"id\": " + command.get("id") + "}\r\n";
        }

        /** Returns the text of a QMP event. */
        static String event(String name, String dataJson, long seconds, long micros) {
            return "{\"timestamp\": {\"seconds\": " + seconds + ", \"microseconds\": " + micros + "}, \"event\": \""
                    + name + "\"" + (dataJson == null ? "" : ", \"data\": " + dataJson) + "}\r\n";
        }

        /** Reads one command and answers it with {@code returnJson}; returns the command. */
        JsonNode answerNext(String returnJson) throws IOException {
            JsonNode command = readCommand();
            sendRaw(reply(command, returnJson));
            return command;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
