package io.donutstates.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

    private final ResponseReader reader = new ResponseReader();

    @Test
    void readsBackToBackResponsesFramedByLengthAndByChunks() throws IOException {
        reader.reset(stream(
                "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\ncontent-length: 15\r\n\r\n{\"status\":\"OK\"}"
                + "HTTP/1.1 409 Conflict\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "6;ext=1\r\n{\"stat\r\n"
                + "14\r\nus\":\"OUT_OF_STOCK\"}\r\n"
                + "0\r\nX-Trailer: 1\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n"));

        assertThat(reader.read()).isEqualTo(201);
        assertThat(reader.keepAlive()).isTrue();
        assertThat(reader.bodyContains(bytes("\"OK\""))).isTrue();

        assertThat(reader.read()).isEqualTo(409);
        assertThat(reader.bodyContains(bytes("{\"status\":\"OUT_OF_STOCK\"}"))).isTrue();

        assertThat(reader.read()).isEqualTo(204);
        assertThat(reader.bodyContains(bytes("OUT_OF_STOCK"))).isFalse();
    }

    @Test
    void skipsInterimResponsesAndHonoursConnectionClose() throws IOException {
        reader.reset(stream("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"));

        assertThat(reader.read()).isEqualTo(200);
        assertThat(reader.keepAlive()).isFalse();
    }

    @Test
    void unframedBodyEndsAtEndOfStream() throws IOException {
        reader.reset(stream("HTTP/1.0 200 OK\r\n\r\n{\"message\":\"판매완료\"}"));

        assertThat(reader.read()).isEqualTo(200);
        assertThat(reader.keepAlive()).isFalse();
        assertThat(reader.bodyContains(bytes("판매완료"))).isTrue();
    }

    @Test
    void http10KeepAliveIsKept() throws IOException {
        reader.reset(stream("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n"));

        assertThat(reader.read()).isEqualTo(200);
        assertThat(reader.keepAlive()).isTrue();
    }

    @Test
    void truncatedResponsesAndGarbageFail() {
        reader.reset(stream("HTTP/1.1 201 Created\r\nContent-Length: 100\r\n\r\nshort"));
        assertThatThrownBy(reader::read).isInstanceOf(EOFException.class);

        reader.reset(stream("SSH-2.0-OpenSSH\r\n\r\n"));
        assertThatThrownBy(reader::read).isInstanceOf(java.net.ProtocolException.class);
    }

    @Test
    void keepsOnlyTheStartOfAHugeBody() throws IOException {
        String big = "x".repeat(200_000) + "TAIL";
        reader.reset(stream("HTTP/1.1 200 OK\r\nContent-Length: " + big.length() + "\r\n\r\n" + big
                + "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"));

        assertThat(reader.read()).isEqualTo(200);
        assertThat(reader.bodyContains(bytes("TAIL"))).isFalse();
        assertThat(reader.read()).isEqualTo(201);
    }

    private static InputStream stream(String s) {
        // Hands out a few bytes at a time so every buffer boundary is crossed.
        byte[] data = bytes(s);
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
