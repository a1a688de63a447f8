package dev.limiter.cli.output;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTableTest {

    @Test
    void render_alignsTextLeftAndNumbersRight() {
        TextTable table = new TextTable(List.of(TextTable.Column.left("entity"), TextTable.Column.right("granted")));
        table.add(List.of("acme", "1,024")).add(List.of("  alice", "7"));

        assertThat(table.render()).containsExactly(
                "entity   granted",
                "acme       1,024",
                "  alice        7");
    }

    @Test
    void add_wrongNumberOfCells_isRejected() {
        TextTable table = new TextTable(List.of(TextTable.Column.left("entity")));

        assertThatThrownBy(() -> table.add(List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row has 2 cells, the table 1 columns");
    }
}
