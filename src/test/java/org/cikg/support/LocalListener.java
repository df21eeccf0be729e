package org.cikg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener on 127.0.0.1 that counts the connections made to it (and answers nothing): the witness for
 * "the service made no outbound call". Point a hostile request at {@link #url(String)}, then assert
 * {@link #connections()} is 0.
 */
public final class LocalListener implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    public LocalListener() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(
                () -> {
                    while (!socket.isClosed()) {
                        try (Socket s = socket.accept()) {
                            connections.incrementAndGet();
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "local-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
