package org.cikg.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The graph exports over HTTP, each read back by an independent consumer: Jena for JSON-LD and Turtle, networkx
 * (Debian's {@code python3-networkx}, run as {@code /usr/bin/python3}) for GraphML and GEXF, the JDK's XPath for
 * GEXF's structure, Jackson for the Cytoscape JSON shape.
 */
class GraphExportIT extends ServiceITBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ID = "https://w3id.org/cikg/id/";
    private static final String DEEPSEEK_2 = "/api/graph?focus=deepseek&depth=2";

    @TempDir
    Path tmp;

    private JsonNode cytoscape(String query) {
        HttpResponse<String> r = get(facade("/api/graph?" + query), "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static Set<String> nodeIds(JsonNode cy) {
        Set<String> ids = new HashSet<>();
        cy.get("elements").get("nodes").forEach(n -> ids.add(n.get("data").get("id").asString()));
        return ids;
    }

    @Test
    void deepSeekNeighbourhoodAtDepthTwoHoldsFounderCityProvinceAndTheSixLittleDragons() {
        JsonNode cy = cytoscape("focus=deepseek&depth=2");
        assertThat(nodeIds(cy)).contains(ID + "deepseek", ID + "liang-wenfeng", ID + "hangzhou", ID + "zhejiang",
                ID + "six-little-dragons", ID + "unitree-robotics", ID + "game-science", ID + "brainco",
                ID + "deep-robotics", ID + "manycore-tech");
    }

    @Test
    void aQuestionsAnswerIsExportedAsTheGraphAroundItsEntities() throws Exception {
        HttpResponse<String> r = get(facade("/api/queries/policy-beneficiaries/graph?policy=eagle-project&format=cytoscape"),
                "*/*");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode cy = JSON.readTree(r.body());
        assertThat(nodeIds(cy)).contains(ID + "eagle-project", ID + "unitree-robotics");
        boolean benefited = false;
        for (JsonNode e : cy.get("elements").get("edges")) {
            JsonNode d = e.get("data");
            benefited |= d.get("source").asString().equals(ID + "unitree-robotics")
                    && d.get("target").asString().equals(ID + "eagle-project")
                    && d.get("predicate").asString().endsWith("#benefitedFrom");
        }
        assertThat(benefited).as("the answer's own fact is an edge").isTrue();

        HttpResponse<String> graphml = get(facade("/api/queries/policy-beneficiaries/graph?policy=eagle-project"
                + "&format=graphml"), "*/*");
        assertThat(graphml.statusCode()).isEqualTo(200);
        Path file = tmp.resolve("question.graphml");
        Files.writeString(file, graphml.body());
        assertThat(((Number) networkx("read_graphml", file).get("nodes")).intValue())
                .isEqualTo(cy.get("elements").get("nodes").size());

        assertThat(get(facade("/api/queries/no-such-question/graph"), "*/*").statusCode()).isEqualTo(404);
        assertThat(get(facade("/api/queries/policy-beneficiaries/graph?policy=%7D%20UNION%20%7B"), "*/*").statusCode())
                .isEqualTo(400);
        assertThat(get(facade("/api/queries/policy-beneficiaries/graph?policy=eagle-project&depth=9"), "*/*")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void cytoscapeJsonHasTheExpectedShapeAndProvenanceOnEdges() {
        JsonNode cy = cytoscape("focus=deepseek&depth=1");
        JsonNode nodes = cy.get("elements").get("nodes");
        JsonNode edges = cy.get("elements").get("edges");
        assertThat(nodes.isArray() && edges.isArray()).isTrue();
        Set<String> ids = nodeIds(cy);
        for (JsonNode n : nodes) {
            assertThat(n.get("data").has("id") && n.get("data").has("label") && n.get("data").has("type")).isTrue();
        }
        JsonNode founder = null;
        for (JsonNode e : edges) {
            JsonNode d = e.get("data");
            for (String k : List.of("id", "source", "target", "predicate", "label", "startYear", "endYear",
                    "certainty", "sources")) {
                assertThat(d.has(k)).as("edge has " + k).isTrue();
            }
            assertThat(ids).contains(d.get("source").asString(), d.get("target").asString());
            if (d.get("predicate").asString().endsWith("#founder")) {
                founder = d;
            }
        }
        assertThat(founder).isNotNull();
        assertThat(founder.get("source").asString()).isEqualTo(ID + "deepseek");
        assertThat(founder.get("target").asString()).isEqualTo(ID + "liang-wenfeng");
        assertThat(founder.get("label").asString()).isEqualTo("founder");
        assertThat(founder.get("certainty").asString()).isEqualTo("stated");
        assertThat(founder.get("sources").size()).isGreaterThanOrEqualTo(2);
        assertThat(founder.get("sources").get(0).get("source").asString()).startsWith("https://w3id.org/cikg/source/");
        assertThat(founder.get("sources").get(0).get("paragraph").isInt()).isTrue();
        JsonNode deepseek = null;
        for (JsonNode n : nodes) {
            if (n.get("data").get("id").asString().equals(ID + "deepseek")) {
                deepseek = n.get("data");
            }
        }
        assertThat(deepseek.get("label").asString()).isEqualTo("DeepSeek");
        assertThat(deepseek.get("type").asString()).isEqualTo("Startup");
        assertThat(deepseek.get("foundingYear").toString()).contains("2023");
        assertThat(ids).as("literal facts and ontology terms are not nodes")
                .allMatch(id -> id.startsWith(ID));
    }

    @Test
    void labelsFollowTheAskedLanguageWithEnglishFallback() {
        JsonNode cy = cytoscape("focus=deepseek&depth=1&lang=ar");
        Map<String, String> labels = new java.util.HashMap<>();
        cy.get("elements").get("nodes").forEach(n -> labels.put(n.get("data").get("id").asString(),
                n.get("data").get("label").asString()));
        assertThat(labels.get(ID + "deepseek")).isEqualTo("ديب سيك");
        JsonNode he = cytoscape("focus=deepseek&depth=1&lang=he");
        Map<String, String> heLabels = new java.util.HashMap<>();
        he.get("elements").get("nodes").forEach(n -> heLabels.put(n.get("data").get("id").asString(),
                n.get("data").get("label").asString()));
        assertThat(heLabels.get(ID + "deepseek")).as("no Hebrew label: English").isEqualTo("DeepSeek");
        assertThat(heLabels.get(ID + "china")).as("Hebrew label").isNotEqualTo("China").matches(".*[\\u0590-\\u05FF].*");
    }

    @Test
    void predicateAndClassFiltersNarrowTheGraph() {
        JsonNode cy = cytoscape("focus=deepseek&depth=2&predicates=memberOf");
        cy.get("elements").get("edges").forEach(e ->
                assertThat(e.get("data").get("predicate").asString()).endsWith("#memberOf"));
        assertThat(nodeIds(cy)).contains(ID + "unitree-robotics").doesNotContain(ID + "liang-wenfeng");
        JsonNode people = cytoscape("focus=deepseek&depth=1&types=Person");
        assertThat(nodeIds(people)).contains(ID + "deepseek", ID + "liang-wenfeng").doesNotContain(ID + "hangzhou");
    }

    @Test
    void yearWindowLeavesOutFactsDatedOutsideItAndUndatedOnlyWhenAsked() {
        JsonNode all = cytoscape("focus=eagle-project&depth=1");
        int dated = 0;
        for (JsonNode e : all.get("elements").get("edges")) {
            if (!e.get("data").get("startYear").isNull()) {
                dated++;
            }
        }
        assertThat(dated).as("the Eagle Project has dated links").isPositive();
        JsonNode early = cytoscape("focus=eagle-project&depth=1&from=1900&to=1901");
        for (JsonNode e : early.get("elements").get("edges")) {
            assertThat(e.get("data").get("startYear").isNull()).as("only undated links in 1900-1901").isTrue();
        }
        assertThat(early.get("elements").get("edges").size()).isLessThan(all.get("elements").get("edges").size());
        JsonNode none = cytoscape("focus=eagle-project&depth=1&from=1900&to=1901&undated=false");
        assertThat(none.get("elements").get("edges").size()).isZero();
    }

    @Test
    void graphMlIsReadByNetworkxWithTheSameCountsAndAttributes() throws Exception {
        JsonNode cy = cytoscape("focus=deepseek&depth=2");
        Path file = download(DEEPSEEK_2 + "&format=graphml", "application/graphml+xml", "g.graphml");
        Map<String, Object> nx = networkx("read_graphml", file);
        assertThat(nx.get("nodes")).isEqualTo(cy.get("elements").get("nodes").size());
        assertThat(nx.get("edges")).isEqualTo(cy.get("elements").get("edges").size());
        assertThat(nx.get("directed")).isEqualTo(true);
        assertThat(nx.get("deepseek_label")).isEqualTo("DeepSeek");
        assertThat(nx.get("deepseek_type")).isEqualTo("Startup");
        assertThat((String) nx.get("founder_sources")).contains("https://w3id.org/cikg/source/");
        assertThat(nx.get("founder_label")).isEqualTo("founder");
        assertThat(nx.get("dated_edge_year_type")).isEqualTo("int");
    }

    @Test
    void gexfIsReadByNetworkxWithTheSameCountsAttributesAndYears() throws Exception {
        JsonNode cy = cytoscape("focus=hangzhou&depth=1");
        Path file = download("/api/graph?focus=hangzhou&depth=1&format=gexf", "*/*", "g.gexf");
        Map<String, Object> nx = networkx("read_gexf", file);
        assertThat(nx.get("nodes")).isEqualTo(cy.get("elements").get("nodes").size());
        assertThat(nx.get("edges")).isEqualTo(cy.get("elements").get("edges").size());
        assertThat(nx.get("directed")).isEqualTo(true);
        assertThat(nx.get("hangzhou_label")).isEqualTo("Hangzhou");
        assertThat(nx.get("hangzhou_type")).isEqualTo("City");
        assertThat(nx.get("dated_edge_year_type")).isEqualTo("int");
        assertThat(nx.get("dated_edges")).isEqualTo(countDated(cy));
    }

    @Test
    void gexfHasTheVersionNamespaceDeclaredAttributesAndTimeFormat() throws Exception {
        HttpResponse<String> r = get(facade("/api/graph?focus=hangzhou&depth=1"), "application/gexf+xml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/gexf+xml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        XPath x = XPathFactory.newInstance().newXPath();
        assertThat(x.evaluate("/gexf/@version", doc)).isEqualTo("1.3");
        DocumentBuilderFactory nsAware = DocumentBuilderFactory.newInstance();
        nsAware.setNamespaceAware(true);
        assertThat(nsAware.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement().getNamespaceURI()).isEqualTo("http://gexf.net/1.3");
        assertThat(x.evaluate("/gexf/graph/@defaultedgetype", doc)).isEqualTo("directed");
        assertThat(x.evaluate("/gexf/graph/@mode", doc)).isEqualTo("dynamic");
        assertThat(x.evaluate("/gexf/graph/@timeformat", doc)).isEqualTo("integer");
        assertThat(x.evaluate("count(/gexf/graph/attributes[@class='node']/attribute[@title='type'])", doc))
                .isEqualTo("1");
        assertThat(x.evaluate("count(/gexf/graph/attributes[@class='edge']/attribute[@title='predicate'])", doc))
                .isEqualTo("1");
        NodeList refs = (NodeList) x.evaluate("//attvalue/@for", doc, XPathConstants.NODESET);
        Set<String> declared = new HashSet<>();
        NodeList decl = (NodeList) x.evaluate("//attributes/attribute/@id", doc, XPathConstants.NODESET);
        for (int i = 0; i < decl.getLength(); i++) {
            declared.add(decl.item(i).getNodeValue());
        }
        for (int i = 0; i < refs.getLength(); i++) {
            assertThat(declared).contains(refs.item(i).getNodeValue());
        }
        assertThat(Double.parseDouble(x.evaluate("count(//edge[@start])", doc))).isPositive();
        Set<String> nodeIds = new HashSet<>();
        NodeList ns = (NodeList) x.evaluate("/gexf/graph/nodes/node/@id", doc, XPathConstants.NODESET);
        for (int i = 0; i < ns.getLength(); i++) {
            nodeIds.add(ns.item(i).getNodeValue());
        }
        NodeList ends = (NodeList) x.evaluate("//edge/@source | //edge/@target", doc, XPathConstants.NODESET);
        for (int i = 0; i < ends.getLength(); i++) {
            assertThat(nodeIds).contains(ends.item(i).getNodeValue());
        }
    }

    @Test
    void jsonLdAndTurtleAreReadByJenaAsTheSameSubGraph() {
        JsonNode cy = cytoscape("focus=deepseek&depth=2");
        Graph ttl = parse(DEEPSEEK_2, "text/turtle", Lang.TURTLE);
        Graph jsonld = parse(DEEPSEEK_2, "application/ld+json", Lang.JSONLD);
        assertThat(ttl.isIsomorphicWith(jsonld)).isTrue();
        int links = 0;
        for (var t : ttl.find().toList()) {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(ID) && t.getObject().isURI()
                    && t.getObject().getURI().startsWith(ID)) {
                links++;
            }
        }
        assertThat(links).isEqualTo(cy.get("elements").get("edges").size());
        assertThat(ttl.contains(NodeFactory.createURI(ID + "deepseek"),
                NodeFactory.createURI("https://w3id.org/cikg/ontology#founder"),
                NodeFactory.createURI(ID + "liang-wenfeng"))).isTrue();
        assertThat(ttl.find(null, RDF.type.asNode(), RDF.Statement.asNode()).toList()).isNotEmpty();
    }

    @Test
    void postedConstructIsExportedInTheSameFormats() {
        String q = "PREFIX cikg: <https://w3id.org/cikg/ontology#> CONSTRUCT { ?c cikg:memberOf ?g } "
                + "WHERE { ?c cikg:memberOf ?g }";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(facade("/api/graph?format=cytoscape")))
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(q))
                .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode cy = JSON.readTree(r.body());
        assertThat(nodeIds(cy)).contains(ID + "six-little-dragons", ID + "deepseek");
        JsonNode first = cy.get("elements").get("edges").get(0).get("data");
        assertThat(first.get("sources").size()).as("provenance looked up").isPositive();
        HttpResponse<String> ttl = postForm(facade("/api/graph"), "text/turtle", "query", q);
        assertThat(ttl.statusCode()).isEqualTo(200);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(ttl.body(), Lang.TURTLE).parse(g);
        assertThat(g.contains(NodeFactory.createURI(ID + "deepseek"),
                NodeFactory.createURI("https://w3id.org/cikg/ontology#memberOf"),
                NodeFactory.createURI(ID + "six-little-dragons"))).isTrue();
    }

    @Test
    void constructWithServiceOrAnUpdateOrAnotherQueryFormIsRefusedWith400() {
        List<String> refused = List.of(
                "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
                "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://example.org/s> { ?s ?p ?o } } }",
                "CONSTRUCT { ?s ?p ?o } WHERE { { SELECT ?s ?p ?o WHERE { SERVICE <http://example.org/s> { ?s ?p ?o } } } }",
                "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }",
                "DELETE WHERE { ?s ?p ?o }",
                "SELECT * WHERE { ?s ?p ?o }",
                "CONSTRUCT WHERE { ?s ?p ");
        for (String q : refused) {
            HttpResponse<String> r = postForm(facade("/api/graph"), "application/json", "query", q);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        }
    }

    @Test
    void oversizedGraphsGet413WithAdviceNotATruncatedFile() {
        HttpResponse<String> r = get(facade("/api/graph?focus=hangzhou&depth=3&limit=5&format=graphml"), "*/*");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        assertThat(r.body()).contains("depth").contains("types").contains("predicates").contains("from=");
        HttpResponse<String> post = postForm(facade("/api/graph?limit=3"), "application/json", "query",
                "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }");
        assertThat(post.statusCode()).isEqualTo(413);
        HttpResponse<String> longBody = postForm(facade("/api/graph"), "application/json", "query",
                "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } #" + "x".repeat(70_000));
        assertThat(longBody.statusCode()).isEqualTo(413);
    }

    @Test
    void badParametersGet400() {
        for (String q : List.of("", "focus=DeepSeek!", "focus=deepseek&depth=4", "focus=deepseek&depth=0",
                "focus=deepseek&from=20x", "focus=deepseek&from=2020&to=2010", "focus=deepseek&types=not%20a%20class",
                "focus=deepseek&format=png", "focus=deepseek&limit=-1", "focus=deepseek&lang=english!",
                "focus=deepseek&undated=maybe", "focus=deepseek&limit=999999999")) {
            HttpResponse<String> r = get(facade("/api/graph?" + q), "application/json");
            assertThat(r.statusCode()).as(q).isEqualTo(400);
        }
        assertThat(get(facade("/api/graph?focus=no-such-entity-here"), "application/json").statusCode())
                .isEqualTo(404);
        assertThat(get(facade("/api/graph?focus=deepseek"), "image/png").statusCode()).isEqualTo(406);
    }

    @Test
    void nodeIdsAreTheSameIrisInEveryFormat() {
        JsonNode cy = cytoscape("focus=game-science&depth=1");
        Set<String> ids = nodeIds(cy);
        String graphml = get(facade("/api/graph?focus=game-science&depth=1&format=graphml"), "*/*").body();
        String gexf = get(facade("/api/graph?focus=game-science&depth=1&format=gexf"), "*/*").body();
        for (String id : ids) {
            assertThat(graphml).contains("<node id=\"" + id + "\"");
            assertThat(gexf).contains("<node id=\"" + id + "\"");
        }
    }

    private static int countDated(JsonNode cy) {
        int n = 0;
        for (JsonNode e : cy.get("elements").get("edges")) {
            if (!e.get("data").get("startYear").isNull()) {
                n++;
            }
        }
        return n;
    }

    private Graph parse(String path, String accept, Lang lang) {
        HttpResponse<String> r = get(facade(path), accept);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith(accept);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), lang).parse(g);
        return g;
    }

    private Path download(String path, String accept, String name) throws IOException {
        HttpResponse<String> r = get(facade(path), accept);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Path file = tmp.resolve(name);
        Files.writeString(file, r.body());
        return file;
    }

    /**
     * Reads a file with networkx and reports counts and a few attributes as JSON. networkx 2.8 knows GEXF up to
     * 1.2draft; the 1.3 namespace is registered the same way (the element names it reads are unchanged).
     */
    private Map<String, Object> networkx(String reader, Path file) throws Exception {
        String script = String.join("\n",
                "import sys, json, networkx as nx",
                "import networkx.readwrite.gexf as gx",
                "gx.GEXF.versions['1.3'] = {'NS_GEXF': 'http://gexf.net/1.3', 'NS_VIZ': 'http://gexf.net/1.3/viz',",
                "  'NS_XSI': 'http://www.w3.org/2001/XMLSchema-instance',",
                "  'SCHEMALOCATION': 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd', 'VERSION': '1.3'}",
                "reader, path = sys.argv[1], sys.argv[2]",
                "G = nx.read_gexf(path, version='1.3') if reader == 'read_gexf' else nx.read_graphml(path)",
                "out = {'nodes': G.number_of_nodes(), 'edges': G.number_of_edges(), 'directed': G.is_directed()}",
                "ID = 'https://w3id.org/cikg/id/'",
                "for slug in ('deepseek', 'hangzhou'):",
                "    if ID + slug in G.nodes:",
                "        out[slug + '_label'] = G.nodes[ID + slug].get('label')",
                "        out[slug + '_type'] = G.nodes[ID + slug].get('type')",
                "dated = 0",
                "for u, v, d in G.edges(data=True):",
                "    if d.get('predicate', '').endswith('#founder'):",
                "        out['founder_sources'] = d.get('sources')",
                "        out['founder_label'] = d.get('label')",
                "    if d.get('startYear') is not None:",
                "        dated += 1",
                "        out['dated_edge_year_type'] = type(d['startYear']).__name__",
                "        if reader == 'read_gexf': assert d.get('start') == d['startYear'], d",
                "out['dated_edges'] = dated",
                "print(json.dumps(out))");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script, reader, file.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        String last = output.strip().lines().reduce((a, b) -> b).orElse("{}");
        Map<String, Object> result = JSON.readValue(last, Map.class);
        return new java.util.LinkedHashMap<>(result);
    }

}
