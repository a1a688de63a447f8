package dev.limiter.dynamodb.audit;

import java.util.List;

/**
 * What {@link AuditLog#list} found.
 *
 * @param entries the matching entries, newest first
 * @param corrupt one message per stored item that could not be read (reported, never skipped silently)
 */
public record AuditPage(List<AuditEntry> entries, List<String> corrupt) {

    /** Copies the lists. */
    public AuditPage {
        entries = List.copyOf(entries);
        corrupt = List.copyOf(corrupt);
    }
}
