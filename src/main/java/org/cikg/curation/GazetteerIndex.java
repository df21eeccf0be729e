package org.cikg.curation;

import static org.cikg.core.Namespaces.CIKG;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.cikg.search.NameNormalizer;

/**
 * The official divisions of China ({@code gazetteer/counties.ttl}, see {@code docs/gazetteer.md}) as curation needs
 * them: a place name to its entries (by the normalised key of every English label and pinyin alternative label), an
 * entry's classes, and whether one entry lies within another. Proposals use it to recognise a place the curated data
 * does not declare yet and to refuse place claims the official tree contradicts ("Hangzhou is the capital of
 * Beijing").
 */
final class GazetteerIndex {
    private static final Node LOCATED_IN = NodeFactory.createURI(CIKG + "locatedIn");
    private final NameNormalizer normalizer = new NameNormalizer();
    private final Map<String, Set<String>> byKey = new HashMap<>();
    private final Map<String, Set<String>> types = new HashMap<>();
    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, String> label = new HashMap<>();

    private GazetteerIndex() {}

    /** The index of the file, or an empty index when it does not exist. */
    static GazetteerIndex read(Path counties) {
        GazetteerIndex idx = new GazetteerIndex();
        if (!Files.isRegularFile(counties)) {
            return idx;
        }
        Graph g = GraphFactory.createDefaultGraph();
        RDFDataMgr.read(g, counties.toString());
        for (Node p : new Node[] {RDFS.label.asNode(), SKOS.altLabel.asNode()}) {
            g.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
                if (!t.getObject().isLiteral() || !t.getSubject().isURI()) {
                    return;
                }
                String lang = t.getObject().getLiteralLanguage();
                if (lang.startsWith("en") || lang.contains("Latn")) {
                    String text = t.getObject().getLiteralLexicalForm();
                    idx.byKey
                            .computeIfAbsent(idx.normalizer.key(text), k -> new LinkedHashSet<>())
                            .add(t.getSubject().getURI());
                    if (lang.equals("en") && p.equals(RDFS.label.asNode())) {
                        idx.label.put(t.getSubject().getURI(), text);
                    }
                }
            });
        }
        g.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getObject().isURI()) {
                idx.types
                        .computeIfAbsent(t.getSubject().getURI(), k -> new HashSet<>())
                        .add(t.getObject().getURI());
            }
        });
        g.find(Node.ANY, LOCATED_IN, Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI()) {
                idx.parent.put(t.getSubject().getURI(), t.getObject().getURI());
            }
        });
        return idx;
    }

    /** The entries a name may be (empty when none). */
    Set<String> find(String name) {
        return byKey.getOrDefault(normalizer.key(name), Set.of());
    }

    boolean knows(String entity) {
        return types.containsKey(entity);
    }

    Set<String> types(String entity) {
        return types.getOrDefault(entity, Set.of());
    }

    String label(String entity) {
        return label.getOrDefault(entity, entity.substring(entity.lastIndexOf('/') + 1));
    }

    /** The entry's direct parent in the official tree, or null. */
    String parent(String entity) {
        return parent.get(entity);
    }

    /** Whether {@code inner} lies within {@code outer} (at any depth). */
    boolean within(String inner, String outer) {
        String p = parent.get(inner);
        for (int depth = 0; p != null && depth < 6; depth++) {
            if (p.equals(outer)) {
                return true;
            }
            p = parent.get(p);
        }
        return false;
    }
}
