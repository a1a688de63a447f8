package dev.limiter.lambda.logging;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaSlf4jLoggerTest {

    /** A sink that records each entry with its level. */
    private static final class Sink implements LambdaLogger {
        final List<String> entries = new ArrayList<>();

        @Override
        public void log(String message) {
            entries.add("UNDEFINED " + message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void log(String message, LogLevel level) {
            entries.add(level + " " + message);
        }
    }

    @Test
    void loggerFactory_onTheLambdaClasspath_bindsToTheLambdaLogger() {
        assertThat(LoggerFactory.getLogger("software.amazon.awssdk.core")).isInstanceOf(LambdaSlf4jLogger.class);
    }

    @Test
    void warn_withArgumentsAndThrowable_reachesTheSinkAsOneEntryAtWarn() {
        Sink sink = new Sink();
        LambdaSlf4jLogger logger = new LambdaSlf4jLogger("sdk", LambdaSlf4jLogger.Level.INFO, sink);

        logger.warn("retrying {} after {}", "UpdateItem", "throttling", new IllegalStateException("boom"));

        assertThat(sink.entries).singleElement().asString()
                .startsWith("WARN sdk: retrying UpdateItem after throttling\n")
                .contains("IllegalStateException: boom");
    }

    @Test
    void debug_belowTheThreshold_isNotLogged() {
        Sink sink = new Sink();
        LambdaSlf4jLogger logger = new LambdaSlf4jLogger("sdk", LambdaSlf4jLogger.Level.parse("warn"), sink);

        logger.info("not shown");
        logger.debug("not shown");

        assertThat(sink.entries).isEmpty();
        assertThat(logger.isWarnEnabled()).isTrue();
    }

    @Test
    void parse_unknownOrFatalLevel_fallsBackToInfoAndError() {
        assertThat(LambdaSlf4jLogger.Level.parse("verbose")).isEqualTo(LambdaSlf4jLogger.Level.INFO);
        assertThat(LambdaSlf4jLogger.Level.parse("FATAL")).isEqualTo(LambdaSlf4jLogger.Level.ERROR);
    }
}
