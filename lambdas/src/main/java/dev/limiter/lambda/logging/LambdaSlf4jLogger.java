package dev.limiter.lambda.logging;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import org.slf4j.Marker;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

/**
 * An SLF4J logger that hands each event, formatted, to a {@link LambdaLogger} with the matching {@link LogLevel}
 * (a throwable's stack trace appended in the same entry, so it stays one log event). Thread-safe.
 */
final class LambdaSlf4jLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    /** The SLF4J levels in order, with their Lambda counterparts. */
    enum Level {
        TRACE(LogLevel.TRACE), DEBUG(LogLevel.DEBUG), INFO(LogLevel.INFO), WARN(LogLevel.WARN),
        ERROR(LogLevel.ERROR);

        private final LogLevel lambda;

        Level(LogLevel lambda) {
            this.lambda = lambda;
        }

        /** The level named {@code name} (Lambda's names; FATAL counts as ERROR); INFO if absent or unknown. */
        static Level parse(String name) {
            if (name == null) {
                return INFO;
            }
            String upper = name.trim().toUpperCase(Locale.ROOT);
            for (Level level : values()) {
                if (level.name().equals(upper)) {
                    return level;
                }
            }
            return upper.equals("FATAL") ? ERROR : INFO;
        }
    }

    private final transient Level threshold;
    private final transient LambdaLogger sink;

    LambdaSlf4jLogger(String name, Level threshold, LambdaLogger sink) {
        this.name = name;
        this.threshold = threshold;
        this.sink = sink;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(org.slf4j.event.Level level, Marker marker, String pattern,
                                               Object[] arguments, Throwable throwable) {
        StringBuilder message = new StringBuilder(name).append(": ")
                .append(MessageFormatter.basicArrayFormat(pattern, arguments));
        if (throwable != null) {
            StringWriter trace = new StringWriter();
            throwable.printStackTrace(new PrintWriter(trace));
            message.append('\n').append(trace);
        }
        sink.log(message.toString(), Level.valueOf(level.name()).lambda);
    }

    private boolean enabled(Level level) {
        return level.compareTo(threshold) >= 0;
    }
}
