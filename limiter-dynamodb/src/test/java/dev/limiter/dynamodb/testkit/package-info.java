/**
 * Fixtures for tests against a DynamoDB API endpoint, shipped in limiter-dynamodb's test-jar: {@link
 * dev.limiter.dynamodb.testkit.TestTable} (a test class's table and a client whose requests are counted) and {@link
 * dev.limiter.dynamodb.testkit.UsageFixture} (a limiter writing to a table whose stream the usage aggregator reads).
 * Consumers add limiter-core's test-jar, the localstack module, JUnit Jupiter and AssertJ in test scope.
 */
package dev.limiter.dynamodb.testkit;
