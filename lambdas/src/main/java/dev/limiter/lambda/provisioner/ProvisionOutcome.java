package dev.limiter.lambda.provisioner;

import java.util.Map;

/**
 * What a provisioning request did.
 *
 * @param physicalResourceId {@code limits:<table>:<namespace>}; a new id on Update tells CloudFormation to delete the
 *                           old namespace's resources afterwards
 * @param data               counts returned to the template ({@code Added}, {@code Changed}, {@code Destroyed})
 */
record ProvisionOutcome(String physicalResourceId, Map<String, Object> data) {
}
