package org.cikg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmhReportTest {
    /** Two results as JMH 1.37 writes them with -rf json (trimmed to the fields read), one error NaN. */
    private static final String RUN = """
            [
              {"jmhVersion": "1.37", "benchmark": "org.cikg.query.QuestionBenchmark.answer", "mode": "avgt",
               "params": {"question": "policy-beneficiaries"},
               "primaryMetric": {"score": 2.5, "scoreError": 0.25, "scoreUnit": "ms/op"}},
              {"jmhVersion": "1.37", "benchmark": "org.cikg.bench.jmh.BaselineBenchmark.entityExists", "mode": "avgt",
               "primaryMetric": {"score": 0.05, "scoreError": "NaN", "scoreUnit": "ms/op"}}
            ]
            """;

    @Test
    void tableListsTheBaselineFirstAndDividesEveryScoreByIt() {
        List<JmhReport.Result> results = JmhReport.parse(RUN);
        assertEquals(2, results.size());
        assertTrue(Double.isNaN(results.get(1).error()));
        List<String> table = JmhReport.table(
                results,
                Map.of("policy-beneficiaries", "policy=eagle-project"),
                JmhReport.sizes("noise\nsize\tquestion=policy-beneficiaries\t3 rows\n"));
        assertEquals(
                "| baseline: `system/entity-exists` ASK | entity=deepseek |  | 0.050 ± ? | ms/op | 1.00 |",
                table.get(2));
        assertEquals(
                "| named question `policy-beneficiaries` | `policy=eagle-project` | 3 rows | 2.50 ± 0.250 | ms/op "
                        + "| 50.0 |",
                table.get(3));
    }

    @Test
    void noBaselineMeansNoRatios() {
        List<JmhReport.Result> results = JmhReport.parse(RUN).subList(0, 1);
        assertTrue(JmhReport.table(results, Map.of(), Map.of()).get(2).endsWith("| ? |"));
    }

    @Test
    void sectionOfTheSameSizeIsReplacedAndOthersKept() {
        List<String> doc = List.of(
                "# Benchmarks", "", "## In-process JMH, 1M", "", "old", "", "## In-process JMH, 10M", "", "ten");
        List<String> out =
                JmhReport.replaceSection(doc, "## In-process JMH, 1M", List.of("## In-process JMH, 1M", "new"));
        assertEquals(
                List.of("# Benchmarks", "", "## In-process JMH, 1M", "new", "", "## In-process JMH, 10M", "", "ten"),
                out);
    }

    @Test
    void missingSectionIsAppended() {
        List<String> out = JmhReport.replaceSection(
                List.of("# Benchmarks", "text", ""),
                "## In-process JMH, 10M",
                List.of("## In-process JMH, 10M", "row"));
        assertEquals(List.of("# Benchmarks", "text", "", "## In-process JMH, 10M", "row"), out);
    }

    @Test
    void jmhSectionsAreFoundAmongTheSuiteOwn() {
        List<String> doc = List.of(
                "# Benchmarks",
                "## Run of today",
                "x",
                "## In-process JMH, 1M",
                "a",
                "",
                "## Before",
                "y",
                "## In-process JMH, 10M",
                "b",
                "");
        assertEquals(
                List.of("## In-process JMH, 1M", "a", "", "## In-process JMH, 10M", "b"), JmhReport.jmhSections(doc));
    }
}
