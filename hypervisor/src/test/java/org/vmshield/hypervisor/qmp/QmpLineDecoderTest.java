package org.vmshield.hypervisor.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QmpLineDecoderTest {
    private static final String TWO_LINES = "{\"event\": \"STOP\", \"data\": {\"n\": \"é€\"}}\r\n{\"return\": {}}\r\n";

    @Test
    void yieldsTheSameLinesWhateverTheReadBoundaries() throws Exception {
        byte[] bytes = TWO_LINES.getBytes(StandardCharsets.UTF_8);
        for (int chunk = 1; chunk <= bytes.length; chunk++) {
            QmpLineDecoder decoder = new QmpLineDecoder(1024);
            List<String> lines = new ArrayList<>();
            for (int from = 0; from < bytes.length; from += chunk) {
                int length = Math.min(chunk, bytes.length - from);
                for (byte[] line : decoder.feed(ByteBuffer.wrap(bytes, from, length))) {
                    lines.add(new String(line, StandardCharsets.UTF_8));
                }
            }
            assertThat(lines).as("chunk size %d", chunk)
                    .containsExactly("{\"event\": \"STOP\", \"data\": {\"n\": \"é€\"}}", "{\"return\": {}}");
            assertThat(decoder.pendingBytes()).isZero();
        }
    }

    @Test
    void keepsAnUnfinishedLineUntilItsEnd() throws Exception {
        QmpLineDecoder decoder = new QmpLineDecoder(1024);
        assertThat(decoder.feed(utf8("{\"ret"))).isEmpty();
        assertThat(decoder.pendingBytes()).isEqualTo(5);
        assertThat(decoder.feed(utf8("urn\": 1}\n\r\n  \n")))
                .extracting(line -> new String(line, StandardCharsets.UTF_8))
                .containsExactly("{\"return\": 1}");
    }

    @Test
    void refusesALineLongerThanTheLimit() {
        QmpLineDecoder decoder = new QmpLineDecoder(8);
        assertThatThrownBy(() -> decoder.feed(utf8("0123456789")))
                .isInstanceOf(QmpConnectionLostException.class)
                .hasMessageContaining("longer than 8 bytes");
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
