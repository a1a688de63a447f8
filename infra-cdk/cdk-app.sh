#!/bin/sh
# Starts the CDK app for `cdk synth` / `cdk deploy` (see cdk.json). The classpath file is written by
# `mvn -B -pl infra-cdk -am package`, which also builds the Lambda jar the stack deploys.
set -eu
cd "$(dirname "$0")"
if [ ! -f target/cdk.classpath ] || [ ! -d target/classes ]; then
  echo "infra-cdk is not built: run 'mvn -B -pl infra-cdk -am package -DskipTests' from the repository root first" >&2
  exit 1
fi
exec java -cp "target/classes:$(cat target/cdk.classpath)" dev.limiter.cdk.LimiterApp "$@"
