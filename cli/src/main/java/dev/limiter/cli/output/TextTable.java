package dev.limiter.cli.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A plain-text table with aligned columns: left-aligned text, right-aligned numbers. Rows are added as cells, and
 * {@link #render()} returns one string per line (header first). Not thread-safe.
 *
 * <pre>{@code
 * TextTable table = new TextTable(List.of(TextTable.Column.left("entity"), TextTable.Column.right("granted")));
 * table.add(List.of("acme", "120"));
 * table.render().forEach(out::println);
 * }</pre>
 */
public final class TextTable {

    private static final String GAP = "  ";

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with {@code columns}. */
    public TextTable(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = List.copyOf(columns);
    }

    /**
     * Adds a row.
     *
     * @throws IllegalArgumentException if it has a different number of cells than there are columns
     */
    public TextTable add(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, the table " + columns.size()
                    + " columns: " + cells);
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /** The header line followed by one line per row, without trailing spaces. */
    public List<String> render() {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).header().length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size() + 1);
        List<String> header = new ArrayList<>();
        columns.forEach(column -> header.add(column.header()));
        lines.add(line(header, widths));
        rows.forEach(row -> lines.add(line(row, widths)));
        return Collections.unmodifiableList(lines);
    }

    private String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String padding = " ".repeat(widths[i] - cell.length());
            line.append(i == 0 ? "" : GAP);
            line.append(columns.get(i).rightAligned() ? padding + cell : cell + padding);
        }
        return line.toString().stripTrailing();
    }

    /**
     * One column.
     *
     * @param header       the header text
     * @param rightAligned whether cells are right-aligned (numbers)
     */
    public record Column(String header, boolean rightAligned) {

        /** Requires a header. */
        public Column {
            if (header == null) {
                throw new IllegalArgumentException("column header must not be null");
            }
        }

        /** A left-aligned column. */
        public static Column left(String header) {
            return new Column(header, false);
        }

        /** A right-aligned column. */
        public static Column right(String header) {
            return new Column(header, true);
        }
    }
}
