package io.donutstates.loadgen;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The cheapest server we can write (one thread, NIO, canned answers), to measure the generator's own
 * ceiling: every sale succeeds and the stock it reports goes down by one per sale, so the check passes.
 * Run by hand: {@code CannedServer [secondsToLive]}.
 */
final class CannedServer {

    private static final long INITIAL_STOCK = 1_000_000_000L;
    private static final byte[] SOLD = response(201, "{\"id\":1,\"sku\":\"CP-502101\",\"quantity\":1,\"status\":\"SOLD\",\"remainingStock\":1}");
    private static final byte[] LEGACY_SOLD = response(200, "{\"message\":\"판매완료\"}");
    private static final byte[] EMPTY_LIST = response(200, "[]");

    private long sold;

    public static void main(String[] args) throws IOException {
        long deadline = System.nanoTime() + Long.parseLong(args.length > 0 ? args[0] : "120") * 1_000_000_000L;
        new CannedServer().serve(deadline);
    }

    private void serve(long deadline) throws IOException {
        try (Selector selector = Selector.open(); ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            System.out.println("http://127.0.0.1:" + server.socket().getLocalPort());
            while (System.nanoTime() < deadline) {
                selector.select(1000);
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (key.isAcceptable()) {
                        SocketChannel c = server.accept();
                        if (c != null) {
                            c.configureBlocking(false);
                            c.socket().setTcpNoDelay(true);
                            c.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(16 * 1024));
                        }
                    } else if (key.isReadable()) {
                        read(key);
                    }
                }
            }
        }
    }

    private void read(SelectionKey key) throws IOException {
        SocketChannel c = (SocketChannel) key.channel();
        ByteBuffer in = (ByteBuffer) key.attachment();
        int n;
        try {
            n = c.read(in);
        } catch (IOException e) {
            n = -1;
        }
        if (n < 0) {
            key.cancel();
            c.close();
            return;
        }
        // Answer every complete request in the buffer; a partial one waits for more bytes.
        int end;
        while ((end = requestEnd(in)) > 0) {
            String head = new String(in.array(), 0, Math.min(end, 40), StandardCharsets.ISO_8859_1);
            ByteBuffer out = ByteBuffer.wrap(answer(head));
            while (out.hasRemaining()) {
                c.write(out); // small answers into an idle socket buffer: in practice one write
            }
            int remaining = in.position() - end;
            System.arraycopy(in.array(), end, in.array(), 0, remaining);
            in.position(remaining);
        }
    }

    private byte[] answer(String head) {
        if (head.startsWith("POST /api/sales")) {
            sold++;
            return SOLD;
        }
        if (head.startsWith("POST /send")) {
            sold++;
            return LEGACY_SOLD;
        }
        if (head.startsWith("GET /api/replenishments")) {
            return EMPTY_LIST;
        }
        String product = "{\"sku\":\"CP-502101\",\"name\":\"donut\",\"price\":1500,\"stock\":" + (INITIAL_STOCK - sold)
                + ",\"factoryId\":\"FF-500293\",\"reorderQuantity\":50,\"reorderPoint\":10}";
        return response(200, head.startsWith("GET /api/products/") ? product : "[" + product + "]");
    }

    /** Offset just past the request (head and Content-Length body) at the buffer's start, or -1. */
    private static int requestEnd(ByteBuffer in) {
        byte[] a = in.array();
        for (int i = 3; i < in.position(); i++) {
            if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                String head = new String(a, 0, i, StandardCharsets.ISO_8859_1).toLowerCase();
                int at = head.indexOf("content-length:");
                int length = at < 0 ? 0 : Integer.parseInt(head.substring(at + 15, head.indexOf('\r', at)).trim());
                int end = i + 1 + length;
                return end <= in.position() ? end : -1;
            }
        }
        return -1;
    }

    private static byte[] response(int status, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + (status == 201 ? " Created" : " OK") + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + b.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + b.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(b, 0, all, h.length, b.length);
        return all;
    }
}
