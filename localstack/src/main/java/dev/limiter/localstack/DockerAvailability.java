package dev.limiter.localstack;

import org.testcontainers.DockerClientFactory;

/** Tells whether Testcontainers can reach a Docker engine. */
public final class DockerAvailability {

    private DockerAvailability() {
    }

    /**
     * Returns true if Testcontainers finds a working Docker engine. Without one it returns false quickly (it
     * checks the socket and the environment, it does not wait for a daemon) and never throws; Testcontainers
     * remembers the answer for the rest of the JVM.
     *
     * <p>Thread-safety: safe to call from any thread.
     *
     * @return whether Docker-based endpoints can start
     */
    public static boolean isDockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
