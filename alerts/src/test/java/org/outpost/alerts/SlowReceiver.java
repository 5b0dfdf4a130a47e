package org.outpost.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile webhook receiver on a real socket: it takes the POST and then either drips its reply
 * one byte a second ({@link #dripping()}) or answers 100 MB as fast as it can ({@link #huge()}).
 */
public final class SlowReceiver implements AutoCloseable {

    private final ServerSocket server;
    private final boolean drip;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();

    private SlowReceiver(boolean drip) {
        this.drip = drip;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::acceptAll);
    }

    public static SlowReceiver dripping() {
        return new SlowReceiver(true);
    }

    public static SlowReceiver huge() {
        return new SlowReceiver(false);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Connections whose reply is still being written. */
    public int open() {
        return open.get();
    }

    public int accepted() {
        return accepted.get();
    }

    /** Bytes of replies written so far, over all connections. */
    public long written() {
        return written.get();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                Thread.ofVirtual().start(() -> answer(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket socket) {
        open.incrementAndGet();
        try (socket) {
            readRequest(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            long length = drip ? 1000 : 100L * 1024 * 1024;
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] chunk = new byte[drip ? 1 : 64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (long sent = 0; sent < length; sent += chunk.length) {
                out.write(chunk);
                out.flush();
                written.addAndGet(chunk.length);
                if (drip) {
                    Thread.sleep(1000);
                }
            }
        } catch (IOException e) {
            // the client hung up: what a bounded sender does
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
        }
    }

    /** Headers up to the blank line, then Content-Length bytes of body. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.append((char) b);
        }
        long length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).strip());
            }
        }
        in.readNBytes((int) length);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
