package dev.limiter.lambda.logging;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SLF4J binding of the Lambda jar, found through {@code META-INF/services}: every logger writes through
 * {@link LambdaRuntime#getLogger()} with its level, so Lambda's JSON log format gives each line a {@code level}
 * field and filters by the function's application log level. Loggers below the level in
 * {@code AWS_LAMBDA_LOG_LEVEL} (set by Lambda from that setting; default {@code INFO}) do not even format.
 * Thread-safe.
 */
public final class LambdaSlf4jProvider implements SLF4JServiceProvider {

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private ILoggerFactory factory;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        Map<String, LambdaSlf4jLogger> loggers = new ConcurrentHashMap<>();
        LambdaSlf4jLogger.Level threshold = LambdaSlf4jLogger.Level.parse(System.getenv("AWS_LAMBDA_LOG_LEVEL"));
        factory = name -> loggers.computeIfAbsent(name,
                n -> new LambdaSlf4jLogger(n, threshold, LambdaRuntime.getLogger()));
    }
}
