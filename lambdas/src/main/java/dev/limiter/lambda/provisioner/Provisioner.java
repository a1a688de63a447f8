package dev.limiter.lambda.provisioner;

import dev.limiter.dynamodb.audit.AuditSettings;
import dev.limiter.provision.LimitsManifest;
import dev.limiter.provision.LimitsProvisioning;
import dev.limiter.provision.Plan;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.util.Map;
import java.util.Optional;

/**
 * Turns one custom-resource request into plan/apply runs: Create and Update apply the {@code Manifest} property to
 * {@code TableName}; Delete destroys what limits files created in the namespace the physical id names. Requests
 * whose physical id is not one of ours (a Create that failed before naming its resource) delete nothing.
 */
final class Provisioner {

    static final String PREFIX = "limits:";

    private final DynamoDbAsyncClient client;
    private final String defaultTable;
    private final int maxDepth;

    Provisioner(DynamoDbAsyncClient client, String defaultTable, int maxDepth) {
        this.client = client;
        this.defaultTable = defaultTable;
        this.maxDepth = maxDepth;
    }

    /**
     * Handles {@code requestType} ({@code Create}, {@code Update}, {@code Delete}), recording every change it makes
     * in the audit trail with {@code audit}.
     *
     * @throws IllegalArgumentException for a missing property or a limits file with errors (the message lists them)
     */
    ProvisionOutcome handle(String requestType, Optional<String> physicalId, Map<String, Object> properties,
                            AuditSettings audit) {
        if (requestType.equals("Delete")) {
            return delete(physicalId, audit);
        }
        if (!requestType.equals("Create") && !requestType.equals("Update")) {
            throw new IllegalArgumentException("unknown RequestType '" + requestType + "'");
        }
        String table = table(properties);
        LimitsProvisioning engine = new LimitsProvisioning(client, table, maxDepth, audit);
        LimitsManifest manifest = engine.load(text(properties, "Manifest"), "Manifest");
        Plan plan = engine.plan(manifest, Optional.empty());
        engine.apply(plan, (change, done, total) -> { });
        return new ProvisionOutcome(PREFIX + table + ":" + manifest.namespace(), counts(plan));
    }

    private ProvisionOutcome delete(Optional<String> physicalId, AuditSettings audit) {
        if (physicalId.isEmpty() || !physicalId.get().startsWith(PREFIX)) {
            return new ProvisionOutcome(physicalId.orElse("none"), Map.of("Destroyed", 0L));
        }
        String rest = physicalId.get().substring(PREFIX.length());
        int separator = rest.lastIndexOf(':');
        String table = rest.substring(0, separator);
        String namespace = rest.substring(separator + 1);
        LimitsProvisioning engine = new LimitsProvisioning(client, table, maxDepth, audit);
        Plan plan = engine.destroyPlan(namespace);
        engine.apply(plan, (change, done, total) -> { });
        return new ProvisionOutcome(physicalId.get(), counts(plan));
    }

    private String table(Map<String, Object> properties) {
        Object table = properties.get("TableName");
        if (table != null && !table.toString().isBlank()) {
            return table.toString();
        }
        if (defaultTable.isBlank()) {
            throw new IllegalArgumentException("no table: set the resource property TableName or the LIMITER_TABLE "
                    + "environment variable of the provisioner function");
        }
        return defaultTable;
    }

    private static String text(Map<String, Object> properties, String name) {
        Object value = properties.get(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("the resource property " + name + " (the limits file's text) is missing");
        }
        return value.toString();
    }

    private static Map<String, Object> counts(Plan plan) {
        return Map.of("Added", plan.toAdd(), "Changed", plan.toChange(), "Destroyed", plan.toDestroy());
    }
}
