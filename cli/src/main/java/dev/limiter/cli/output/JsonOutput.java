package dev.limiter.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Prints {@code --output json} and {@code --output yaml} results: maps, lists, strings, numbers and booleans as one
 * indented JSON document, or the same document as YAML (block style, numbers and booleans unquoted, strings quoted
 * where YAML would read them as something else). Commands build the document from library values with
 * {@code LinkedHashMap}s, so the field order is stable. Thread-safe.
 */
public final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();

    private JsonOutput() {
    }

    /**
     * Prints {@code document} on {@code terminal}'s stdout, followed by a newline: as YAML when the terminal
     * {@linkplain Terminal#yamlDocuments() says so}, as JSON otherwise.
     */
    public static void print(Terminal terminal, Object document) {
        if (terminal.yamlDocuments()) {
            terminal.out().print(toYaml(document));
        } else {
            terminal.out().println(toJson(document));
        }
        terminal.out().flush();
    }

    /**
     * {@code document} as YAML, with exactly the values of its JSON form: it is first converted the way JSON writes
     * it, so numbers stay numbers and a value JSON writes as a string stays a string.
     */
    public static String toYaml(Object document) {
        Object plain = MAPPER.convertValue(document, Object.class);
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
                .setIndicatorIndent(2).setIndentWithIndicator(true).build();
        return new Dump(settings).dumpToString(plain);
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
