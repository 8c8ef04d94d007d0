package io.policyauth.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A server that accepts connections and never answers, then, closed, refuses them. */
public final class HangingEngine implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    /**
     * Listens on a free loopback port.
     *
     * @throws IOException when it cannot
     */
    public HangingEngine() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "hanging-engine");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * @return where it listens
     */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /**
     * Waits until it holds that many connections.
     *
     * @param connections how many
     * @throws InterruptedException when interrupted
     */
    public void awaitHeld(int connections) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (held.size() < connections && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(held).as("connections the engine holds").hasSizeGreaterThanOrEqualTo(connections);
    }

    private void accept() {
        try {
            while (!server.isClosed()) {
                held.add(server.accept());
            }
        }
        catch (IOException closed) {
            // Closed: connections are refused from now on.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
