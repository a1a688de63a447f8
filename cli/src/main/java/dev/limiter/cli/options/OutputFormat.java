package dev.limiter.cli.options;

/** How a command prints its result: {@code --output text|json}. */
public enum OutputFormat {
    /** For people: aligned tables, Terraform-style plans, colors on a terminal. */
    text,
    /** For machines: one JSON document on stdout; messages and errors still go to stderr. */
    json
}
