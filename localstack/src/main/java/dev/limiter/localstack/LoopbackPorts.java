package dev.limiter.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds TCP ports that are free on the loopback interface. */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /**
     * Returns a port that was free on 127.0.0.1 a moment ago; another process may take it before the caller
     * binds it, so callers retry on a bind failure.
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }

    /**
     * Checks that a port is valid and free on 127.0.0.1, so a server already listening there is never
     * mistaken for the one about to start.
     *
     * @throws IllegalArgumentException if the port is outside 1..65535
     * @throws LocalEndpointException if something already listens on it
     */
    static int requireFree(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 1..65535, was " + port);
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LocalEndpointException("port " + port + " on 127.0.0.1 is already in use: " + e.getMessage(), e);
        }
    }
}
