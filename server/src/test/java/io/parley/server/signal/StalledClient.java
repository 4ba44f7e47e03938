package io.parley.server.signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client over a bare socket that sends what it is told and never reads past the
 * handshake, as a stalled client does (the JDK's client keeps draining the socket even unasked).
 */
final class StalledClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;

    StalledClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setReceiveBufferSize(4096);
        out = socket.getOutputStream();
        String key = Base64.getEncoder().encodeToString("parley-stalled-k".getBytes(StandardCharsets.US_ASCII));
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        int matched = 0;
        while (matched < 4) { // read the 101 response up to its blank line, and no further
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake");
            }
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : 0;
        }
    }

    /** Sends one masked text frame (RFC 6455 section 5.2; a client must mask). */
    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        out.write(0x81);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else {
            out.write(0x80 | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xff);
        }
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
