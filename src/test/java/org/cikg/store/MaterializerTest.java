package org.cikg.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.sparql.core.DatasetGraphMapLink;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inference rules over a place hierarchy deeper than one step per round can close: repeating the transitive rule
 * in place reaches the same fixpoint as repeating whole rounds, in fewer rounds of every rule.
 */
class MaterializerTest {
    private static final String ONT = "https://w3id.org/cikg/ontology#";
    private static final String ID = "https://w3id.org/cikg/id/";

    /** An organisation headquartered in a district, under a city, province, region, country, continent. */
    private static final String DATA = """
            @prefix cikg: <https://w3id.org/cikg/ontology#> .
            @prefix id: <https://w3id.org/cikg/id/> .
            id:acme cikg:headquarteredIn id:district .
            id:district cikg:locatedIn id:city .
            id:city cikg:locatedIn id:province .
            id:province cikg:locatedIn id:region .
            id:region cikg:locatedIn id:country .
            id:country cikg:locatedIn id:continent .
            """;

    @Test
    void repeatingTheTransitiveRuleInPlaceGivesTheSameClosureInTwoRounds(@TempDir Path tmp) throws IOException {
        Path plain = tmp.resolve("plain");
        Files.createDirectories(plain);
        try (Stream<Path> rules = Files.list(Path.of("queries/inference"))) {
            for (Path rule : rules.toList()) {
                Files.writeString(plain.resolve(rule.getFileName()), Files.readString(rule)
                        .replace(Materializer.REPEAT + "\n", ""));
            }
        }
        Materializer withRepeat = Materializer.fromFolder(Path.of("queries/inference"));
        Materializer withoutRepeat = Materializer.fromFolder(plain);

        DatasetGraph a = dataset();
        DatasetGraph b = dataset();
        Materializer.Outcome repeated = withRepeat.runToFixpoint(a);
        Materializer.Outcome rounds = withoutRepeat.runToFixpoint(b);

        Graph inferred = a.getGraph(Graphs.INFERRED);
        assertThat(inferred.isIsomorphicWith(b.getGraph(Graphs.INFERRED))).isTrue();
        assertThat(inferred.contains(NodeFactory.createURI(ID + "acme"), NodeFactory.createURI(ONT + "locatedIn"),
                NodeFactory.createURI(ID + "continent"))).isTrue();
        assertThat(repeated.inferred()).isEqualTo(rounds.inferred());
        assertThat(repeated.rounds()).isEqualTo(2);
        assertThat(rounds.rounds()).isGreaterThan(2);
    }

    /** As the loader stages a load: the default graph is the union of ontology, data and inferred graphs. */
    private static DatasetGraph dataset() throws IOException {
        Model ontology = ModelFactory.createDefaultModel();
        try (Stream<Path> files = Files.list(Path.of("ontology"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ttl")).toList()) {
                ontology.read(f.toUri().toString(), "TTL");
            }
        }
        Model data = ModelFactory.createDefaultModel().read(new StringReader(DATA), null, "TTL");
        Graph inferred = GraphFactory.createDefaultGraph();
        DatasetGraph dsg = new DatasetGraphMapLink(new MultiUnion(new Graph[] {ontology.getGraph(), data.getGraph(),
            inferred}));
        dsg.addGraph(Graphs.ONTOLOGY, ontology.getGraph());
        dsg.addGraph(Graphs.DATA, data.getGraph());
        dsg.addGraph(Graphs.INFERRED, inferred);
        return dsg;
    }
}
