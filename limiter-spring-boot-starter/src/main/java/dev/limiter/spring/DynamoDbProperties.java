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

    /** The {@code table} setting. */
    public String getTable() {
        return table;
    }

    /** Sets {@code table}; see the field for its meaning and default. */
    public void setTable(String table) {
        this.table = table;
    }

    /** The {@code region} setting. */
    public String getRegion() {
        return region;
    }

    /** Sets {@code region}; see the field for its meaning and default. */
    public void setRegion(String region) {
        this.region = region;
    }

    /** The {@code endpoint} setting. */
    public URI getEndpoint() {
        return endpoint;
    }

    /** Sets {@code endpoint}; see the field for its meaning and default. */
    public void setEndpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The {@code create-table} setting. */
    public boolean isCreateTable() {
        return createTable;
    }

    /** Sets {@code create-table}; see the field for its meaning and default. */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    /** The {@code attempt-timeout} setting. */
    public Duration getAttemptTimeout() {
        return attemptTimeout;
    }

    /** Sets {@code attempt-timeout}; see the field for its meaning and default. */
    public void setAttemptTimeout(Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
    }

    /** The {@code call-timeout} setting. */
    public Duration getCallTimeout() {
        return callTimeout;
    }

    /** Sets {@code call-timeout}; see the field for its meaning and default. */
    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }
}
