/**
 * Fixtures for tests against a DynamoDB API endpoint, shipped in limiter-dynamodb's test-jar: {@link
 * dev.limiter.dynamodb.testkit.TestTable} (a test class's table and a client whose requests are counted) and {@link
 * dev.limiter.dynamodb.testkit.UsageFixture} (a limiter writing to a table whose stream the usage aggregator reads),
 * and the multi-process harness: {@link dev.limiter.dynamodb.testkit.WorkerFleet} starts worker JVMs running
 * {@link dev.limiter.dynamodb.testkit.GrantWorker}, whose records ({@link dev.limiter.dynamodb.testkit.WorkerRecord},
 * merged by {@link dev.limiter.dynamodb.testkit.FleetResult}) are checked against the admission bound by
 * {@link dev.limiter.dynamodb.testkit.WindowBound}.
 * Consumers add limiter-core's test-jar, the localstack module, JUnit Jupiter and AssertJ in test scope.
 */
package dev.limiter.dynamodb.testkit;
