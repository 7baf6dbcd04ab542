package io.donutstates.loadgen;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/**
 * Reads HTTP/1.x responses from one socket into reused buffers: status line, the three headers
 * that frame the message (Content-Length, Transfer-Encoding, Connection), then the body.
 */
final class ResponseReader {

    /** Enough of a body to classify it; anything beyond is read and dropped. */
    private static final int MAX_BODY_KEPT = 64 * 1024;

    private final byte[] buf = new byte[16 * 1024];
    private final HeaderLine line = new HeaderLine();
    private InputStream in;
    private int pos;
    private int limit;
    private byte[] body = new byte[1024];
    private int bodyLength;
    private long contentLength;
    private boolean chunked;
    private boolean keepAlive;
    private boolean responseStarted;

    void reset(InputStream in) {
        this.in = in;
        pos = 0;
        limit = 0;
    }

    /** Reads one complete response and returns its status code. */
    int read() throws IOException {
        responseStarted = pos < limit;
        int status = readHead();
        while (status >= 100 && status < 200) { // interim responses carry no body; the real one follows
            status = readHead();
        }
        bodyLength = 0;
        if (status == 204 || status == 304) {
            return status;
        }
        if (chunked) {
            readChunked();
        } else if (contentLength >= 0) {
            readFixed(contentLength);
        } else {
            readToEof(); // no framing: the body ends when the server closes
            keepAlive = false;
        }
        return status;
    }

    /** Whether any byte of the current response arrived; if none did, the server never answered. */
    boolean responseStarted() {
        return responseStarted;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    boolean bodyContains(byte[] needle) {
        return Bytes.contains(body, bodyLength, needle);
    }

    private int readHead() throws IOException {
        readLine();
        if (line.length() < 12 || !line.startsWith("HTTP/1.")) {
            throw new ProtocolException("not an HTTP/1.x status line");
        }
        keepAlive = line.byteAt(7) == '1'; // HTTP/1.1 defaults to keep-alive, HTTP/1.0 to close
        int status = (int) line.number(9, 10);
        contentLength = -1;
        chunked = false;
        while (readLine() > 0) {
            if (line.nameIs("content-length:")) {
                contentLength = line.number("content-length:".length(), 10);
            } else if (line.nameIs("transfer-encoding:")) {
                chunked = line.contains("chunked");
            } else if (line.nameIs("connection:")) {
                if (line.contains("close")) {
                    keepAlive = false;
                } else if (line.contains("keep-alive")) {
                    keepAlive = true;
                }
            }
        }
        return status;
    }

    private void readChunked() throws IOException {
        while (true) {
            readLine();
            long size = line.number(0, 16);
            if (size == 0) {
                while (readLine() > 0) {
                    // trailers: nothing we need
                }
                return;
            }
            readFixed(size);
            readLine(); // the CRLF that ends each chunk
        }
    }

    private void readFixed(long remaining) throws IOException {
        while (remaining > 0) {
            if (pos == limit) {
                fill();
            }
            int take = (int) Math.min(remaining, limit - pos);
            keep(take);
            pos += take;
            remaining -= take;
        }
    }

    private void readToEof() throws IOException {
        while (true) {
            if (pos == limit) {
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    return;
                }
                pos = 0;
                limit = n;
            }
            keep(limit - pos);
            pos = limit;
        }
    }

    private void keep(int n) {
        int room = MAX_BODY_KEPT - bodyLength;
        int copy = Math.min(n, room);
        if (copy <= 0) {
            return;
        }
        if (bodyLength + copy > body.length) {
            byte[] bigger = new byte[Math.min(MAX_BODY_KEPT, Math.max(body.length * 2, bodyLength + copy))];
            System.arraycopy(body, 0, bigger, 0, bodyLength);
            body = bigger;
        }
        System.arraycopy(buf, pos, body, bodyLength, copy);
        bodyLength += copy;
    }

    /** Reads one line without its CR LF into {@code line}; returns its length. */
    private int readLine() throws IOException {
        line.clear();
        while (true) {
            if (pos == limit) {
                fill();
            }
            byte b = buf[pos++];
            if (b == '\n') {
                return line.endLine();
            }
            line.append(b);
        }
    }

    private void fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            throw SocketConnection.closedByServer();
        }
        responseStarted = true;
        pos = 0;
        limit = n;
    }
}
