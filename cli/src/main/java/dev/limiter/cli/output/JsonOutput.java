package dev.limiter.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Prints {@code --output json} results: maps, lists, strings, numbers and booleans as one indented JSON document.
 * Commands build the document from library values with {@code LinkedHashMap}s, so the field order is stable.
 * Thread-safe.
 */
public final class JsonOutput {

    private static final ObjectWriter WRITER = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private JsonOutput() {
    }

    /** Prints {@code document} on {@code terminal}'s stdout, followed by a newline. */
    public static void print(Terminal terminal, Object document) {
        terminal.out().println(toJson(document));
        terminal.out().flush();
    }

    /** {@code document} as indented JSON. */
    public static String toJson(Object document) {
        try {
            return WRITER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + document.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
