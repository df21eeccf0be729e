package org.cikg.curation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The review sheet: a tab-separated file (opens in any spreadsheet), one row per item, with a header row. A curator
 * marks rows to keep with {@code yes} in the {@code accept} column (also {@code y}, {@code x}, {@code 1},
 * {@code true}), edits any cell (a predicate, the certainty, a subject), or leaves the row blank to drop it.
 *
 * <p>{@code kind} is {@code mention} (an entity the paragraph names: evidence for review; mentions are not written
 * as triples, as the ontology has no "mentions" property) or {@code claim} (subject, predicate, object: written as a
 * triple with its statement node when accepted).
 */
public final class ReviewSheet {
    static final String[] HEADER = {
        "accept",
        "kind",
        "source",
        "paragraph",
        "subject",
        "subject_label",
        "predicate",
        "object",
        "object_label",
        "certainty",
        "surface",
        "note",
        "confidence"
    };
    private static final CSVFormat FORMAT =
            CSVFormat.TDF.builder().setHeader(HEADER).get();
    private static final CSVFormat READ =
            CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).get();

    private ReviewSheet() {}

    /** One row; empty strings for empty cells. */
    public record Row(
            String accept,
            String kind,
            String source,
            int paragraph,
            String subject,
            String subjectLabel,
            String predicate,
            String object,
            String objectLabel,
            String certainty,
            String surface,
            String note,
            String confidence) {
        public Row(
                String accept,
                String kind,
                String source,
                int paragraph,
                String subject,
                String subjectLabel,
                String predicate,
                String object,
                String objectLabel,
                String certainty,
                String surface,
                String note) {
            this(
                    accept,
                    kind,
                    source,
                    paragraph,
                    subject,
                    subjectLabel,
                    predicate,
                    object,
                    objectLabel,
                    certainty,
                    surface,
                    note,
                    "");
        }

        public boolean accepted() {
            return switch (accept.strip().toLowerCase(Locale.ROOT)) {
                case "yes", "y", "x", "1", "true" -> true;
                default -> false;
            };
        }

        List<String> cells() {
            return List.of(
                    accept,
                    kind,
                    source,
                    Integer.toString(paragraph),
                    subject,
                    subjectLabel,
                    predicate,
                    object,
                    objectLabel,
                    certainty,
                    surface,
                    note,
                    confidence);
        }
    }

    public static void write(Path file, List<Row> rows) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, FORMAT)) {
            for (Row r : rows) {
                p.printRecord(r.cells());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Row> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = READ.parse(r)) {
            for (String h : List.of(HEADER).subList(0, HEADER.length - 1)) {
                if (!parser.getHeaderMap().containsKey(h)) {
                    throw new IllegalArgumentException(file + ": the header has no '" + h + "' column");
                }
            }
            List<Row> out = new ArrayList<>();
            for (CSVRecord rec : parser) {
                String para = cell(rec, "paragraph");
                if (!para.matches("\\d+")) {
                    throw new IllegalArgumentException(file + " line " + rec.getRecordNumber() + 1
                            + ": paragraph must be a line number, not '" + para + "'");
                }
                out.add(new Row(
                        cell(rec, "accept"),
                        cell(rec, "kind"),
                        cell(rec, "source"),
                        Integer.parseInt(para),
                        cell(rec, "subject"),
                        cell(rec, "subject_label"),
                        cell(rec, "predicate"),
                        cell(rec, "object"),
                        cell(rec, "object_label"),
                        cell(rec, "certainty"),
                        cell(rec, "surface"),
                        cell(rec, "note"),
                        cell(rec, "confidence")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(CSVRecord rec, String name) {
        return rec.isMapped(name) && rec.isSet(name) ? rec.get(name).strip() : "";
    }
}
