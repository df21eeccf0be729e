package org.cikg.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.cikg.sparql.Table;
import org.junit.jupiter.api.Test;

/** The row cap of the named questions: the first rows, and a flag that is true exactly when rows were left out. */
class RowCapTest {
    private static final Var N = Var.alloc("n");

    private static Table rows(int count) {
        List<Binding> rows = IntStream.range(0, count)
                .mapToObj(i -> BindingFactory.binding(N, NodeFactory.createLiteralString("row " + i)))
                .toList();
        return new Table(List.of(N), rows);
    }

    @Test
    void resultAtTheLimitIsNotTruncated() {
        RowCap cap = RowCap.take(rows(1000), 1000);
        assertThat(cap.rows()).hasSize(1000);
        assertThat(cap.truncated()).isFalse();
    }

    @Test
    void oneRowPastTheLimitIsTruncatedAndLeftOut() {
        RowCap cap = RowCap.take(rows(1001), 1000);
        assertThat(cap.rows()).hasSize(1000);
        assertThat(cap.truncated()).isTrue();
        assertThat(cap.rows().get(999).get(N).getLiteralLexicalForm()).isEqualTo("row 999");
    }

    @Test
    void emptyResultIsNotTruncated() {
        RowCap cap = RowCap.take(rows(0), 1000);
        assertThat(cap.rows()).isEmpty();
        assertThat(cap.truncated()).isFalse();
    }
}
