package dev.limiter.cli.usage;

/** Why a run of {@code limiter aggregate} ended. */
enum AggregateOutcome {

    /** Without {@code --follow}: a poll read every shard to its end with nothing left to retry. */
    CAUGHT_UP("caught-up", "Caught up"),
    /** {@code --max-polls} polls were made. */
    MAX_POLLS("max-polls", "Stopped after --max-polls"),
    /** Ctrl-C or another termination signal; the poll in progress was completed. */
    INTERRUPTED("interrupted", "Stopped by a signal");

    private final String code;
    private final String text;

    AggregateOutcome(String code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The outcome in JSON documents, e.g. {@code caught-up}. */
    String code() {
        return code;
    }

    /** The outcome in the summary line, e.g. {@code Caught up}. */
    String text() {
        return text;
    }
}
