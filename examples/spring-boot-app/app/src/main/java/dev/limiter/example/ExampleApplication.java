package dev.limiter.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the example service. */
@SpringBootApplication
public class ExampleApplication {

    /** Runs the application; arguments are Spring Boot's, e.g. {@code --server.port=9090}. */
    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }
}
