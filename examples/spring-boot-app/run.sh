#!/usr/bin/env bash
# Builds the example (and the library modules it uses, from this checkout) and starts it on http://localhost:8080.
# Arguments go to the application, e.g. --server.port=9090 or --limiter.backend=dynamodb.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mvn -B -q -f "$here/pom.xml" package -DskipTests
exec java -jar "$here/app/target/spring-boot-app.jar" "$@"
