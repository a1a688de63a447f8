package dev.limiter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DockerAvailabilityTest {

    @Test
    void isDockerAvailable_noSocketAndNoDockerHost_returnsFalse() {
        assumeTrue(System.getenv("DOCKER_HOST") == null, "DOCKER_HOST is set");
        assumeTrue(!Files.exists(Path.of("/var/run/docker.sock")), "a Docker socket exists");

        boolean available = DockerAvailability.isDockerAvailable();

        assertThat(available).isFalse();
    }
}
