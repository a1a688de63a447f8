package dev.limiter.spring;

import java.net.URI;
import java.time.Duration;

/** The {@code limiter.dynamodb.*} properties. */
public class DynamoDbProperties {

    /** The table name; required with limiter.backend=dynamodb. */
    private String table;

    /** The AWS region, e.g. us-east-1. Default: the SDK's region chain. */
    private String region;

    /** An endpoint override, e.g. http://localhost:4566 for a local DynamoDB. Default: the region's endpoint. */
    private URI endpoint;

    /** Create the table at start-up if it is missing: for development only; production tables come from the CDK app. */
    private boolean createTable;

    /** Timeout of one HTTP attempt. */
    private Duration attemptTimeout = Duration.ofSeconds(2);

    /** Timeout of a whole call, retries included. */
    private Duration callTimeout = Duration.ofSeconds(5);

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public URI getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    public Duration getAttemptTimeout() {
        return attemptTimeout;
    }

    public void setAttemptTimeout(Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
    }

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }
}
