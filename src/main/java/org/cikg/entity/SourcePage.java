package org.cikg.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * A source document's page: what it is, and every claim drawn from it, by paragraph.
 *
 * @param stem       the seed file's stem
 * @param iri        the document's IRI
 * @param title      its title, in its own language
 * @param titleLang  that language
 * @param language   the article's language code
 * @param identifier the seed file name
 * @param about      what it is about (its English gloss)
 * @param lineCount  how many lines the seed file has
 * @param paragraphs the claims, by paragraph in file order
 * @param claims     how many claims there are in all
 */
public record SourcePage(
        String stem,
        String iri,
        String title,
        String titleLang,
        String language,
        String identifier,
        String about,
        Integer lineCount,
        List<Paragraph> paragraphs,
        int claims) {

    /** The claims of one paragraph (line of the seed file). */
    public record Paragraph(int number, List<Claim> claims) {}

    /** One claim: subject, property, object, with its certainty, years and curator's note. */
    public record Claim(
            String id,
            Link subject,
            String property,
            String propertyHref,
            Link object,
            String certainty,
            String years,
            String note) {
        public boolean hedged() {
            return "hedged".equals(certainty);
        }
    }

    static SourcePage of(Model m, Resource source, String stem, LabelLanguage lang) {
        Resource src = source.inModel(m);
        Map<Integer, List<Claim>> byParagraph = new TreeMap<>();
        int count = 0;
        for (Resource st :
                m.listResourcesWithProperty(Vocab.WAS_DERIVED_FROM, src).toList()) {
            Resource s = st.getPropertyResourceValue(RDF.subject);
            Resource p = st.getPropertyResourceValue(RDF.predicate);
            Statement o = st.getProperty(RDF.object);
            if (s == null || p == null || o == null) {
                continue;
            }
            Statement para = st.getProperty(Vocab.PARAGRAPH);
            int n = para == null ? 0 : para.getInt();
            RDFNode obj = o.getObject();
            Link object = obj.isLiteral()
                    ? new Link(
                            obj.asLiteral().getLexicalForm(),
                            null,
                            obj.asLiteral().getLanguage())
                    : Labels.link(obj.asResource(), lang);
            byParagraph
                    .computeIfAbsent(n, k -> new ArrayList<>())
                    .add(new Claim(
                            st.isURIResource() ? st.getLocalName() : "",
                            Labels.link(s, lang),
                            Labels.text(p, "en"),
                            Links.href(p, lang),
                            object,
                            str(st, Vocab.CERTAINTY),
                            years(st),
                            Labels.literal(st, RDFS.comment, "en")
                                    .map(Literal::getLexicalForm)
                                    .orElse(null)));
            count++;
        }
        List<Paragraph> paragraphs = byParagraph.entrySet().stream()
                .map(e -> new Paragraph(
                        e.getKey(),
                        e.getValue().stream()
                                .sorted(Comparator.comparing(Claim::id, SourcePage::naturalOrder))
                                .toList()))
                .toList();
        Literal title = Labels.literal(src, DCTerms.title, "en").orElse(null);
        Statement lines = src.getProperty(Vocab.LINE_COUNT);
        return new SourcePage(
                stem,
                src.getURI(),
                title == null ? stem : title.getLexicalForm(),
                title == null ? "" : title.getLanguage(),
                str(src, DCTerms.language),
                str(src, DCTerms.identifier),
                Labels.literal(src, RDFS.comment, "en")
                        .map(Literal::getLexicalForm)
                        .orElse(null),
                lines == null ? null : lines.getInt(),
                paragraphs,
                count);
    }

    private static String str(Resource r, org.apache.jena.rdf.model.Property p) {
        Statement s = r.getProperty(p);
        return s == null || !s.getObject().isLiteral() ? null : s.getLiteral().getLexicalForm();
    }

    private static String years(Resource st) {
        String a = str(st, Vocab.START_YEAR);
        String b = str(st, Vocab.END_YEAR);
        return a == null && b == null ? null : b == null ? a : (a == null ? "" : a) + "–" + b;
    }

    /** Orders {@code 004-3-10} after {@code 004-3-2}. */
    private static int naturalOrder(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]))
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
