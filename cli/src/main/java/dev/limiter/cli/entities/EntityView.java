package dev.limiter.cli.entities;

import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.cli.output.TextTable;
import dev.limiter.entity.Entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders entities: one as {@code key: value} lines, several as a table, or JSON. Not thread-safe. */
final class EntityView {

    private final Terminal terminal;
    private final boolean json;

    EntityView(Terminal terminal, boolean json) {
        this.terminal = terminal;
        this.json = json;
    }

    /** Prints one entity. */
    void print(Entity entity) {
        if (json) {
            JsonOutput.print(terminal, document(entity));
            return;
        }
        terminal.out().println("id:           " + entity.id());
        terminal.out().println("parent:       " + entity.parent().orElse("(none: a root)"));
        terminal.out().println("cascade:      " + entity.cascade());
        terminal.out().println("display name: " + entity.displayName().orElse(""));
        entity.metadata().forEach((key, value) -> terminal.out().println("metadata:     " + key + "=" + value));
    }

    /** Prints several entities as a table, or {@code empty} when there are none. */
    void print(List<Entity> entities, String empty) {
        if (json) {
            List<Map<String, Object>> documents = new ArrayList<>();
            entities.forEach(entity -> documents.add(document(entity)));
            JsonOutput.print(terminal, documents);
            return;
        }
        if (entities.isEmpty()) {
            terminal.out().println(empty);
            return;
        }
        TextTable table = new TextTable(List.of(TextTable.Column.left("id"), TextTable.Column.left("parent"),
                TextTable.Column.left("cascade"), TextTable.Column.left("display name")));
        entities.forEach(entity -> table.add(List.of(entity.id(), entity.parent().orElse("-"),
                Boolean.toString(entity.cascade()), entity.displayName().orElse(""))));
        table.render().forEach(terminal.out()::println);
    }

    /** Prints a confirmation line, or a small JSON document with {@code key} set to {@code value}. */
    void done(String message, String key, Object value) {
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put(key, value);
            JsonOutput.print(terminal, document);
        } else {
            terminal.out().println(message);
        }
    }

    static Map<String, Object> document(Entity entity) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", entity.id());
        document.put("parent", entity.parent().orElse(""));
        document.put("cascade", entity.cascade());
        document.put("display_name", entity.displayName().orElse(""));
        document.put("metadata", entity.metadata());
        return document;
    }
}
