package org.cikg.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;

/**
 * A bar chart of a question's answer, drawn by the page as inline SVG (no script, no library: the page stays
 * readable without JavaScript, prints, and the chart's numbers are in the table next to it). Three kinds, chosen
 * from the answer's columns:
 * <ul>
 *   <li>figures: a numeric {@code amount} or {@code value} per row, bars labelled by the row's entity (and year),
 *       one chart per unit;</li>
 *   <li>by year: how many rows each year has, from the first column holding years ({@code xsd:gYear}, or named
 *       {@code year} or {@code when});</li>
 *   <li>by place or kind: how many rows name each {@code where}, {@code jurisdiction} or {@code kind}, when there
 *       are at least two.</li>
 * </ul>
 * Geometry is computed here, in the SVG's own units; the SVG scales to its box.
 *
 * @param title   what it shows ("Rows by year")
 * @param summary the same in words for screen readers ("2019: 2, 2021: 1")
 * @param width   the view box's width
 * @param height  the view box's height
 * @param bars    the bars
 */
record Chart(String title, String summary, int width, int height, List<Bar> bars) {
    /** The view box's width: narrow enough that its text stays readable when a phone shrinks it. */
    static final int WIDTH = 460;

    private static final int ROW = 28;
    private static final int LABEL_W = 175;
    private static final int LABEL_CHARS = 22;
    private static final int MAX_BARS = 30;

    /** One bar and its labels, in view-box units. */
    record Bar(
            String label,
            String valueText,
            double x,
            double y,
            double w,
            double h,
            double labelX,
            double labelY,
            double valueX,
            double valueY,
            String anchor) {}

    static List<Chart> of(List<Map<String, Node>> rows) {
        List<Chart> charts = new ArrayList<>();
        if (rows.isEmpty()) {
            return charts;
        }
        String amount = firstNumeric(rows, "amount", "value");
        if (amount != null) {
            Map<String, Map<String, Double>> byUnit = new LinkedHashMap<>();
            for (Map<String, Node> r : rows) {
                Node v = r.get(amount);
                if (v == null) {
                    continue;
                }
                String unit = r.containsKey("unit") ? r.get("unit").getLiteralLexicalForm() : "";
                String label = labelOf(r);
                String year = yearOf(r);
                byUnit.computeIfAbsent(unit, k -> new LinkedHashMap<>())
                        .merge(year == null ? label : label + " (" + year + ")", number(v), Math::max);
            }
            byUnit.forEach((unit, values) ->
                    charts.add(horizontal(unit.isEmpty() ? "Figures" : "Figures in " + unit, values)));
        }
        String yearCol = yearColumn(rows);
        if (yearCol != null) {
            Map<String, Double> perYear = new TreeMap<>();
            for (Map<String, Node> r : rows) {
                Node y = r.get(yearCol);
                if (y != null) {
                    perYear.merge(year(y), 1.0, Double::sum);
                }
            }
            if (!perYear.isEmpty()) {
                charts.add(columns("Rows by year", perYear));
            }
        }
        for (String cat : List.of("where", "jurisdiction", "kind")) {
            Map<String, Double> counts = new LinkedHashMap<>();
            for (Map<String, Node> r : rows) {
                Node v = r.get(cat);
                if (v != null) {
                    Node l = r.get(cat + AnswerTable.LABEL_SUFFIX);
                    counts.merge(l != null ? l.getLiteralLexicalForm() : v.toString(), 1.0, Double::sum);
                }
            }
            if (counts.size() >= 2) {
                Map<String, Double> sorted = new LinkedHashMap<>();
                counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
                charts.add(horizontal("Rows by " + AnswerTable.heading(cat), sorted));
                break;
            }
        }
        return charts;
    }

    private static String firstNumeric(List<Map<String, Node>> rows, String... names) {
        for (String n : names) {
            boolean any = false;
            boolean all = true;
            for (Map<String, Node> r : rows) {
                Node v = r.get(n);
                if (v != null) {
                    any = true;
                    all &= v.isLiteral() && v.getLiteralValue() instanceof Number;
                }
            }
            if (any && all) {
                return n;
            }
        }
        return null;
    }

    private static String yearColumn(List<Map<String, Node>> rows) {
        for (String n : rows.get(0).keySet()) {
            Node v = rows.get(0).get(n);
            if (v.isLiteral()
                    && (XSDDatatype.XSDgYear.getURI().equals(v.getLiteralDatatypeURI())
                            || (n.equals("year") || n.equals("when"))
                                    && v.getLiteralLexicalForm().matches("\\d{4}"))) {
                return n;
            }
        }
        for (String n : List.of("year", "when")) {
            if (rows.stream().anyMatch(r -> r.containsKey(n))) {
                return n;
            }
        }
        return null;
    }

    private static String labelOf(Map<String, Node> r) {
        for (Map.Entry<String, Node> e : r.entrySet()) {
            if (e.getValue().isURI()) {
                Node l = r.get(e.getKey() + AnswerTable.LABEL_SUFFIX);
                if (l != null) {
                    return l.getLiteralLexicalForm();
                }
            }
        }
        return "?";
    }

    private static String yearOf(Map<String, Node> r) {
        for (Map.Entry<String, Node> e : r.entrySet()) {
            Node v = e.getValue();
            if (v.isLiteral() && XSDDatatype.XSDgYear.getURI().equals(v.getLiteralDatatypeURI())) {
                return year(v);
            }
        }
        return null;
    }

    private static String year(Node v) {
        return v.getLiteralLexicalForm().replaceFirst("(Z|[+-]\\d\\d:\\d\\d)$", "");
    }

    private static double number(Node v) {
        return new BigDecimal(v.getLiteralLexicalForm().strip()).doubleValue();
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(java.util.Locale.ENGLISH, "%,d", (long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Bars across, labels at the left: for names, which may be long. */
    static Chart horizontal(String title, Map<String, Double> values) {
        List<Map.Entry<String, Double>> entries =
                new ArrayList<>(values.entrySet()).subList(0, Math.min(values.size(), MAX_BARS));
        double max = entries.stream().mapToDouble(Map.Entry::getValue).max().orElse(1);
        double span = WIDTH - LABEL_W - 70;
        List<Bar> bars = new ArrayList<>();
        int y = 6;
        for (Map.Entry<String, Double> e : entries) {
            double w = max <= 0 ? 0 : Math.max(2, e.getValue() / max * span);
            String label = cut(e.getKey());
            bars.add(new Bar(
                    label,
                    format(e.getValue()),
                    LABEL_W,
                    y,
                    w,
                    ROW - 8,
                    LABEL_W - 8,
                    y + ROW / 2.0 + 1,
                    LABEL_W + w + 6,
                    y + ROW / 2.0 + 1,
                    "end"));
            y += ROW;
        }
        return new Chart(title, summary(entries), WIDTH, y + 6, bars);
    }

    /** Columns up, years underneath: for a count per year. */
    static Chart columns(String title, Map<String, Double> values) {
        List<Map.Entry<String, Double>> entries = new ArrayList<>(values.entrySet());
        double max = entries.stream().mapToDouble(Map.Entry::getValue).max().orElse(1);
        int n = entries.size();
        double slot = Math.min(70, (WIDTH - 20) / (double) n);
        double plot = 160;
        List<Bar> bars = new ArrayList<>();
        double x = 10;
        for (Map.Entry<String, Double> e : entries) {
            double h = max <= 0 ? 0 : Math.max(2, e.getValue() / max * plot);
            double top = 24 + plot - h;
            bars.add(new Bar(
                    e.getKey(),
                    format(e.getValue()),
                    x + slot * 0.15,
                    top,
                    slot * 0.7,
                    h,
                    x + slot / 2,
                    24 + plot + 20,
                    x + slot / 2,
                    top - 6,
                    "middle"));
            x += slot;
        }
        return new Chart(title, summary(entries), WIDTH, (int) (24 + plot + 30), bars);
    }

    /** A label cut to fit left of the bars, at a word's end where it can be. */
    static String cut(String s) {
        if (s.length() <= LABEL_CHARS) {
            return s;
        }
        int space = s.lastIndexOf(' ', LABEL_CHARS - 1);
        return (space >= 8 ? s.substring(0, space).replaceFirst("[\\s(,;:-]+$", "") : s.substring(0, LABEL_CHARS - 1))
                + "…";
    }

    private static String summary(List<Map.Entry<String, Double>> entries) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> e : entries) {
            sb.append(sb.isEmpty() ? "" : "; ").append(e.getKey()).append(": ").append(format(e.getValue()));
        }
        return sb.toString();
    }
}
