package org.vmshield.hypervisor.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vmshield.hypervisor.testing.QemuTests;

/** Talks to a real QEMU (no guest: {@code -machine none}). */
@Timeout(60)
class QmpClientQemuTest {
    private Path dir;
    private Process qemu;
    private QmpClient client;

    @AfterEach
    void cleanUp() throws Exception {
        if (client != null) {
            client.close();
        }
        if (qemu != null && qemu.isAlive()) {
            qemu.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (dir != null) {
            Files.deleteIfExists(dir.resolve("qmp.sock"));
            Files.deleteIfExists(dir.resolve("qemu.log"));
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void queriesARealQemuAndSeesItsShutdownAndSocketClose() throws Exception {
        QemuTests.requireQemu();
        dir = Files.createTempDirectory("vmshield-qmp");
        Path socket = dir.resolve("qmp.sock");
        qemu = new ProcessBuilder("qemu-system-x86_64", "-accel", "tcg", "-machine", "none", "-nodefaults",
                "-display", "none", "-qmp", "unix:" + socket + ",server=on,wait=off")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("qemu.log").toFile())
                .start();

        client = QmpClient.connect(socket, Duration.ofSeconds(20));

        assertThat(client.greeting().at("/QMP/version/qemu/major").asInt()).isGreaterThanOrEqualTo(7);
        JsonNode status = client.call("query-status", null);
        assertThat(status.get("running").isBoolean()).isTrue();
        assertThat(status.get("status").asText()).isNotEmpty();
        JsonNode version = client.call("query-version", null);
        assertThat(version.at("/qemu/major").asInt()).isEqualTo(client.greeting().at("/QMP/version/qemu/major").asInt());
        assertThatThrownBy(() -> client.call("no-such-command", null))
                .isInstanceOf(QmpErrorException.class)
                .satisfies(e -> assertThat(((QmpErrorException) e).errorClass()).isEqualTo("CommandNotFound"));

        CompletableFuture<QmpEvent> shutdown = client.nextEvent("SHUTDOWN", null);
        client.send("quit", null, Duration.ofSeconds(10));

        assertThat(shutdown.get(20, TimeUnit.SECONDS).data().path("guest").asBoolean(true)).isFalse();
        assertThatThrownBy(() -> client.closedFuture().get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(QmpConnectionLostException.class)
                .hasMessageContaining("QMP socket " + socket); // end of stream, or a reset: QEMU is gone
        assertThat(client.isOpen()).isFalse();
        assertThat(qemu.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(qemu.exitValue()).isZero();
    }
}
