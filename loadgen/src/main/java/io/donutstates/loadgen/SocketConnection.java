package io.donutstates.loadgen;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** One keep-alive socket to one endpoint, reconnecting after a failure or a server-side close. */
final class SocketConnection implements HttpConnection {

    private final Endpoint endpoint;
    private final int timeoutMillis;
    private final ResponseReader reader = new ResponseReader();
    private Socket socket;
    private OutputStream out;

    SocketConnection(Endpoint endpoint, int timeoutMillis) {
        this.endpoint = endpoint;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public int exchange(PreparedRequest request) throws IOException {
        byte[] wire = ((SocketTransport.WireRequest) request).bytes();
        boolean reused = socket != null;
        try {
            return send(wire);
        } catch (SocketTimeoutException e) {
            close(); // the server may still be working on it: never send it twice
            throw e;
        } catch (IOException e) {
            close();
            if (!reused || reader.responseStarted()) {
                throw e;
            }
            // A reused keep-alive socket the server had already closed (idle timeout, connection limit):
            // no byte of an answer came back, so the request was not handled; send it once more, freshly.
            try {
                return send(wire);
            } catch (IOException | RuntimeException again) {
                close();
                throw again;
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private int send(byte[] wire) throws IOException {
        if (socket == null) {
            open();
        }
        out.write(wire);
        int status = reader.read();
        if (!reader.keepAlive()) {
            close();
        }
        return status;
    }

    private void open() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true); // request and response are single small writes; Nagle would only add delay
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            InputStream in = s.getInputStream();
            out = s.getOutputStream();
            reader.reset(in);
            socket = s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public boolean bodyContains(byte[] needle) {
        return reader.bodyContains(needle);
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        out = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a broken socket: nothing left to do
            }
        }
    }

    static EOFException closedByServer() {
        return new EOFException("connection closed by server");
    }
}
