package org.cikg.curation;

import static org.cikg.core.Namespaces.CIKG;
import static org.cikg.core.Namespaces.KGID;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.cikg.core.Namespaces;
import org.cikg.search.NameNormalizer;

/**
 * Leave-one-article-out scoring of proposals: for one seed article, the data without that article's files is read
 * (so its claims, and the entities only it declares, are unknown), proposals are made from the article's text, and
 * they are compared with the article's curated statements (those with a paragraph): exact claims (subject, predicate,
 * object, paragraph; entity or concept objects), entity pairs (unordered, same paragraph), figures (indicator value
 * or founding year: what it is about, the value, the paragraph), new entities (those the reduced data lacks) and
 * certainty. Proposed new entities are matched to curated ones by slug or by a surface form equal to one of the
 * curated entity's names (normalised, or transliterated).
 */
final class ProposalScorer {
    static final Node PARAGRAPH = NodeFactory.createURI(CIKG + "paragraph");
    static final Node CERTAINTY = NodeFactory.createURI(CIKG + "certainty");
    static final Node ABOUT = NodeFactory.createURI(CIKG + "about");
    static final Node DERIVED = NodeFactory.createURI(Namespaces.PROV + "wasDerivedFrom");

    /** Counts for one article (or summed). */
    static final class Score {
        int claimHits, claimProposed, claimGold;
        int pairHits, pairProposed, pairGold, pairHitsWithLine;
        int entityHits, entityProposed, entityMatched, entityGold;
        int figureHits, figureProposed, figureGold;
        int certaintyAgree, certaintyCompared, hedgedHits, hedgedProposed, hedgedGold;
        final List<String> misses = new ArrayList<>();
        List<ReviewSheet.Row> sheet = List.of();

        void add(Score o) {
            claimHits += o.claimHits;
            claimProposed += o.claimProposed;
            claimGold += o.claimGold;
            pairHits += o.pairHits;
            pairProposed += o.pairProposed;
            pairGold += o.pairGold;
            pairHitsWithLine += o.pairHitsWithLine;
            entityHits += o.entityHits;
            entityProposed += o.entityProposed;
            entityMatched += o.entityMatched;
            entityGold += o.entityGold;
            figureHits += o.figureHits;
            figureProposed += o.figureProposed;
            figureGold += o.figureGold;
            certaintyAgree += o.certaintyAgree;
            certaintyCompared += o.certaintyCompared;
            hedgedHits += o.hedgedHits;
            hedgedProposed += o.hedgedProposed;
            hedgedGold += o.hedgedGold;
        }

        static String ratio(int a, int b) {
            return b == 0 ? "– (0/0)" : String.format("%.2f (%d/%d)", (double) a / b, a, b);
        }

        String row(String name) {
            return "| " + name + " | " + ratio(claimHits, claimProposed) + " | " + ratio(claimHits, claimGold) + " | "
                    + ratio(pairHits, pairProposed) + " | " + ratio(pairHits, pairGold) + " | "
                    + ratio(pairHitsWithLine, pairGold) + " | " + ratio(entityMatched, entityProposed) + " | "
                    + ratio(entityHits, entityGold) + " | " + ratio(figureHits, figureProposed) + " | "
                    + ratio(figureHits, figureGold) + " | " + ratio(certaintyAgree, certaintyCompared) + " | "
                    + ratio(hedgedHits, hedgedProposed) + " | " + ratio(hedgedHits, hedgedGold) + " |";
        }

        static String header() {
            return "| article | claims P | claims R | pairs P | pairs R | pairs R (with below the line) | new entities P"
                    + " | new entities R | figures P | figures R | certainty agreement | hedged P | hedged R |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|---|---|";
        }
    }

    private final NameNormalizer normalizer = new NameNormalizer();

    /** Scores the article {@code seed} (its data files start with its three-digit number). */
    Score score(Path seed, Path ontology, Path data, Path rules, GazetteerIndex gazetteer, String lang)
            throws IOException {
        String stem = seed.getFileName().toString().replaceFirst("\\.txt$", "");
        String number = stem.substring(0, 3);
        Path reduced = Files.createTempDirectory("cikg-loo-");
        Graph held = GraphFactory.createDefaultGraph();
        try {
            copyWithout(data, reduced, number, held);
            CurationGraph graph = CurationGraph.read(ontology, reduced, rules);
            ArticleReviewer reviewer = new ArticleReviewer(graph, gazetteer);
            List<String> lines = CurationCommand.readLines(seed);
            Proposer.Proposals props = reviewer.proposer().propose(lines, lang);
            Score sc = compare(stem, held, graph, props);
            if (System.getProperty("cikg.sheets") != null) {
                sc.sheet = reviewer.review(stem, lines, lang);
            }
            return sc;
        } finally {
            try (Stream<Path> w = Files.walk(reduced)) {
                w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void copyWithout(Path data, Path to, String number, Graph held) throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path rel = data.relativize(f);
                if (rel.getFileName().toString().startsWith(number)) {
                    RDFDataMgr.read(held, f.toString());
                    continue;
                }
                Path target = to.resolve(rel.toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }

    private Score compare(String stem, Graph held, CurationGraph graph, Proposer.Proposals props) {
        Score sc = new Score();
        Node src = NodeFactory.createURI(Namespaces.KGSRC + stem);
        Set<String> goldClaims = new HashSet<>();
        Map<String, String> goldCertainty = new HashMap<>();
        Set<String> goldPairs = new HashSet<>();
        Set<String> goldFigures = new HashSet<>();
        Set<String> goldEntities = new HashSet<>();
        held.find(Node.ANY, DERIVED, src).forEachRemaining(t -> {
            Node st = t.getSubject();
            Node para = one(held, st, PARAGRAPH);
            if (para == null) {
                return;
            }
            String p = one(held, st, RDF.predicate.asNode()).getURI();
            Node s = one(held, st, RDF.subject.asNode());
            Node o = one(held, st, RDF.object.asNode());
            String n = para.getLiteralLexicalForm();
            String cert = one(held, st, CERTAINTY) == null
                    ? "stated"
                    : one(held, st, CERTAINTY).getLiteralLexicalForm();
            if (p.equals(Proposer.VALUE) && one(held, s, ABOUT) != null) {
                goldFigures.add(one(held, s, ABOUT).getURI() + " " + number(o.getLiteralLexicalForm()) + " " + n);
                return;
            }
            if (p.equals(Proposer.FOUNDING_YEAR) && o.isLiteral()) {
                goldFigures.add(s.getURI() + " " + o.getLiteralLexicalForm() + " " + n);
                return;
            }
            if (!o.isURI()
                    || !s.isURI()
                    || derived(held, s)
                    || derived(held, o)
                    || !s.getURI().startsWith(KGID)) {
                return;
            }
            String key = s.getURI() + " " + p + " " + o.getURI() + " " + n;
            goldClaims.add(key);
            goldCertainty.put(key, cert);
            goldPairs.add(pair(s.getURI(), o.getURI(), n));
            for (Node e : List.of(s, o)) {
                if (e.getURI().startsWith(KGID) && !graph.isEntity(e.getURI())) {
                    goldEntities.add(e.getURI());
                }
            }
        });
        // New entities: proposed ones matched to the held-out article's entities.
        Map<String, String> alias = new HashMap<>();
        Set<String> heldEntities = new HashSet<>();
        held.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(KGID) && !derived(held, t.getSubject())) {
                heldEntities.add(t.getSubject().getURI());
            }
        });
        for (Proposer.NewEntity e : props.entities()) {
            String match = heldEntities.contains(e.iri()) ? e.iri() : null;
            for (String h : heldEntities) {
                if (match == null && sameName(held, h, e.surfaces())) {
                    match = h;
                }
            }
            sc.entityProposed++;
            if (match != null) {
                sc.entityMatched++;
                alias.put(e.iri(), match);
            }
        }
        for (String g : goldEntities) {
            if (alias.containsValue(g)) {
                sc.entityHits++;
            } else {
                sc.misses.add("new entity missed: " + g.substring(KGID.length()));
            }
        }
        sc.entityGold = goldEntities.size();
        // Claims above the line.
        Set<String> proposedPairs = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (Proposer.Proposal c : props.claims()) {
            String s = alias.getOrDefault(c.subject(), c.subject());
            String o = alias.getOrDefault(c.object(), c.object());
            if (c.predicate().equals(Proposer.FOUNDING_YEAR)) {
                sc.figureProposed++;
                if (goldFigures.contains(s + " " + o + " " + c.paragraph())) {
                    sc.figureHits++;
                }
                continue;
            }
            String key = s + " " + c.predicate() + " " + o + " " + c.paragraph();
            if (!seen.add(key)) {
                continue;
            }
            sc.claimProposed++;
            if (goldClaims.contains(key)) {
                sc.claimHits++;
                sc.certaintyCompared++;
                if (goldCertainty.get(key).equals(c.certainty())) {
                    sc.certaintyAgree++;
                }
                if (c.certainty().equals("hedged")) {
                    sc.hedgedProposed++;
                    if (goldCertainty.get(key).equals("hedged")) {
                        sc.hedgedHits++;
                    }
                }
                if (goldCertainty.get(key).equals("hedged")) {
                    sc.hedgedGold++;
                }
            }
            proposedPairs.add(pair(s, o, Integer.toString(c.paragraph())));
        }
        sc.claimGold = goldClaims.size();
        for (String g : goldClaims) {
            if (!seen.contains(g)) {
                sc.misses.add("claim missed: " + shorten(g));
            }
        }
        sc.pairProposed = proposedPairs.size();
        sc.pairGold = goldPairs.size();
        sc.pairHits = (int) goldPairs.stream().filter(proposedPairs::contains).count();
        Set<String> withLine = new HashSet<>(proposedPairs);
        for (Proposer.Proposal c : props.pairs()) {
            withLine.add(pair(
                    alias.getOrDefault(c.subject(), c.subject()),
                    alias.getOrDefault(c.object(), c.object()),
                    Integer.toString(c.paragraph())));
        }
        sc.pairHitsWithLine =
                (int) goldPairs.stream().filter(withLine::contains).count();
        for (Proposer.Proposal f : props.figures()) {
            sc.figureProposed++;
            String about = alias.getOrDefault(f.subject(), f.subject());
            if (goldFigures.contains(about + " " + number(f.object()) + " " + f.paragraph())) {
                sc.figureHits++;
            }
        }
        sc.figureGold = goldFigures.size();
        return sc;
    }

    private boolean sameName(Graph held, String entity, Set<String> surfaces) {
        Set<String> keys = new HashSet<>();
        Node e = NodeFactory.createURI(entity);
        for (Node p : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode(), SKOS.hiddenLabel.asNode())) {
            held.find(e, p, Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isLiteral()) {
                    keys.add(normalizer.key(t.getObject().getLiteralLexicalForm()));
                    keys.add(Proposer.translit(t.getObject().getLiteralLexicalForm()));
                }
            });
        }
        keys.remove("");
        for (String s : surfaces) {
            if (keys.contains(normalizer.key(s)) || keys.contains(Proposer.translit(s))) {
                return true;
            }
        }
        return false;
    }

    private static String number(String v) {
        try {
            return new java.math.BigDecimal(v).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static String pair(String a, String b, String para) {
        return (a.compareTo(b) < 0 ? a + " " + b : b + " " + a) + " " + para;
    }

    private static String shorten(String key) {
        return key.replace(KGID, "").replace(CIKG, "cikg:");
    }

    private static boolean derived(Graph g, Node n) {
        return g.contains(n, RDF.type.asNode(), NodeFactory.createURI(CIKG + "Indicator"))
                || g.contains(n, RDF.type.asNode(), NodeFactory.createURI(CIKG + "Position"));
    }

    private static Node one(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }
}
