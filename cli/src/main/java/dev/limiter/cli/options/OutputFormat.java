package dev.limiter.cli.options;

/** How a command prints its result: {@code --output text|json|yaml}. */
public enum OutputFormat {
    /** For people: aligned tables, Terraform-style plans, colors on a terminal. */
    text,
    /** For machines: one JSON document on stdout; messages and errors still go to stderr. */
    json,
    /** For machines and people: the same document as {@link #json}, with the same typed values, as YAML. */
    yaml
}
