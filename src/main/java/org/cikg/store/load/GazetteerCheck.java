package org.cikg.store.load;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.cikg.core.Namespaces;
import org.cikg.sparql.CatalogQuery;

/**
 * Holds the curated places against the official gazetteer before a load is stored: a place placed in a division
 * whose code its own code does not start with, or an administrative place (district, city, ...) placed in a
 * division while having no code of its own, becomes one line of the load report. Findings do not stop the load: the
 * articles may name a place the statistical codes do not list (a new district, a renamed county).
 */
final class GazetteerCheck {
    private GazetteerCheck() {}

    /** The findings of {@code queries/system/gazetteer-check.rq} over the staged data, one line each. */
    static List<String> run(DatasetGraph staged, CatalogQuery check) {
        List<String> lines = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(staged))
                .query(check.query())
                .build()) {
            ResultSet rows = qe.execSelect();
            while (rows.hasNext()) {
                lines.add(line(rows.next()));
            }
        }
        return List.copyOf(lines);
    }

    private static String line(QuerySolution row) {
        String place = shortForm(row.getResource("place").getURI());
        String division = shortForm(row.getResource("division").getURI()) + " ("
                + row.getLiteral("divisionCode").getLexicalForm() + ")";
        if ("not-in-tree".equals(row.getLiteral("problem").getString())) {
            return "gazetteer: " + place + " (" + row.getLiteral("placeCode").getLexicalForm() + ") is placed in "
                    + division + ", which the statistical codes do not put it in";
        }
        return "gazetteer: " + place + " is placed in " + division + " but is not in the gazetteer's tree (no "
                + "division code; add its code to gazetteer/curated.tsv and regenerate, or correct the claim)";
    }

    private static String shortForm(String iri) {
        return iri.startsWith(Namespaces.KGID) ? "kgid:" + iri.substring(Namespaces.KGID.length()) : "<" + iri + ">";
    }
}
