package dev.limiter.cli.local;

/** What serves the local DynamoDB: {@code limiter local up --engine auto|moto|localstack}. */
enum Engine {
    /** LocalStack when a Docker daemon answers, otherwise moto. */
    auto,
    /** {@code moto_server} (Python, {@code pip install 'moto[server]'}), started as a detached process. */
    moto,
    /** LocalStack ({@code localstack/localstack:4}) in a Docker container, through {@code docker run}. */
    localstack
}
