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
        cy.get("elements")
                .get("nodes")
                .forEach(n -> ids.add(n.get("data").get("id").asString()));
        return ids;
    }

    @Test
    void deepSeekNeighbourhoodAtDepthTwoHoldsFounderCityProvinceAndTheSixLittleDragons() {
        JsonNode cy = cytoscape("focus=deepseek&depth=2");
        assertThat(nodeIds(cy))
                .contains(
                        ID + "deepseek",
                        ID + "liang-wenfeng",
                        ID + "hangzhou",
                        ID + "zhejiang",
                        ID + "six-little-dragons",
                        ID + "unitree-robotics",
                        ID + "game-science",
                        ID + "brainco",
                        ID + "deep-robotics",
                        ID + "manycore-tech");
    }

    @Test
    void aQuestionsAnswerIsExportedAsTheGraphAroundItsEntities() throws Exception {
        HttpResponse<String> r =
                get(facade("/api/queries/policy-beneficiaries/graph?policy=eagle-project&format=cytoscape"), "*/*");
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

        HttpResponse<String> graphml =
                get(facade("/api/queries/policy-beneficiaries/graph?policy=eagle-project" + "&format=graphml"), "*/*");
        assertThat(graphml.statusCode()).isEqualTo(200);
        Path file = tmp.resolve("question.graphml");
        Files.writeString(file, graphml.body());
        assertThat(((Number) networkx("read_graphml", file).get("nodes")).intValue())
                .isEqualTo(cy.get("elements").get("nodes").size());

        assertThat(get(facade("/api/queries/no-such-question/graph"), "*/*").statusCode())
                .isEqualTo(404);
        assertThat(get(facade("/api/queries/policy-beneficiaries/graph?policy=%7D%20UNION%20%7B"), "*/*")
                        .statusCode())
                .isEqualTo(400);
        assertThat(get(facade("/api/queries/policy-beneficiaries/graph?policy=eagle-project&depth=9"), "*/*")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void cytoscapeJsonHasTheExpectedShapeAndProvenanceOnEdges() {
        JsonNode cy = cytoscape("focus=deepseek&depth=1");
        JsonNode nodes = cy.get("elements").get("nodes");
        JsonNode edges = cy.get("elements").get("edges");
        assertThat(nodes.isArray() && edges.isArray()).isTrue();
        Set<String> ids = nodeIds(cy);
        for (JsonNode n : nodes) {
            assertThat(n.get("data").has("id")
                            && n.get("data").has("label")
                            && n.get("data").has("type"))
                    .isTrue();
        }
        JsonNode founder = null;
        for (JsonNode e : edges) {
            JsonNode d = e.get("data");
            for (String k : List.of(
                    "id", "source", "target", "predicate", "label", "startYear", "endYear", "certainty", "sources")) {
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
        assertThat(ids).as("literal facts and ontology terms are not nodes").allMatch(id -> id.startsWith(ID));
    }

    @Test
    void labelsFollowTheAskedLanguageWithEnglishFallback() {
        JsonNode cy = cytoscape("focus=deepseek&depth=1&lang=ar");
        Map<String, String> labels = new java.util.HashMap<>();
        cy.get("elements")
                .get("nodes")
                .forEach(n -> labels.put(
                        n.get("data").get("id").asString(),
                        n.get("data").get("label").asString()));
        assertThat(labels.get(ID + "deepseek")).isEqualTo("ديب سيك");
        JsonNode he = cytoscape("focus=deepseek&depth=1&lang=he");
        Map<String, String> heLabels = new java.util.HashMap<>();
        he.get("elements")
                .get("nodes")
                .forEach(n -> heLabels.put(
                        n.get("data").get("id").asString(),
                        n.get("data").get("label").asString()));
        assertThat(heLabels.get(ID + "deepseek")).as("no Hebrew label: English").isEqualTo("DeepSeek");
        assertThat(heLabels.get(ID + "china"))
                .as("Hebrew label")
                .isNotEqualTo("China")
                .matches(".*[\\u0590-\\u05FF].*");
    }

    @Test
    void predicateAndClassFiltersNarrowTheGraph() {
        JsonNode cy = cytoscape("focus=deepseek&depth=2&predicates=memberOf");
        cy.get("elements")
                .get("edges")
                .forEach(e ->
                        assertThat(e.get("data").get("predicate").asString()).endsWith("#memberOf"));
        assertThat(nodeIds(cy)).contains(ID + "unitree-robotics").doesNotContain(ID + "liang-wenfeng");
        JsonNode people = cytoscape("focus=deepseek&depth=1&types=Person");
        assertThat(nodeIds(people))
                .contains(ID + "deepseek", ID + "liang-wenfeng")
                .doesNotContain(ID + "hangzhou");
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
            assertThat(e.get("data").get("startYear").isNull())
                    .as("only undated links in 1900-1901")
                    .isTrue();
        }
        assertThat(early.get("elements").get("edges").size())
                .isLessThan(all.get("elements").get("edges").size());
        JsonNode none = cytoscape("focus=eagle-project&depth=1&from=1900&to=1901&undated=false");
        assertThat(none.get("elements").get("edges").size()).isZero();
    }

    @Test
    void graphMlIsReadByNetworkxWithTheSameCountsAttributesAndNumericYears() throws Exception {
        JsonNode cy = cytoscape("focus=deepseek&depth=2");
        Path file = download(DEEPSEEK_2 + "&format=graphml", "application/graphml+xml", "g.graphml");
        for (String python : pythons()) {
            Map<String, Object> nx = networkx(python, "read_graphml", file);
            assertThat(nx.get("nodes"))
                    .as(python)
                    .isEqualTo(cy.get("elements").get("nodes").size());
            assertThat(nx.get("edges"))
                    .isEqualTo(cy.get("elements").get("edges").size());
            assertThat(nx.get("directed")).isEqualTo(true);
            assertThat(nx.get("deepseek_label")).isEqualTo("DeepSeek");
            assertThat(nx.get("deepseek_type")).isEqualTo("Startup");
            assertThat(nx.get("deepseek_color")).isEqualTo(ClassPalette.colour("Startup"));
            assertThat(nx.get("deepseek_foundingYear_type"))
                    .as("a year is a number")
                    .isEqualTo("int");
            assertThat(nx.get("deepseek_foundingYear"))
                    .as("the earliest of its years")
                    .isEqualTo(2019);
            assertThat(nx.get("deepseek_foundingYearValues")).isEqualTo("2019; 2023");
            assertThat((String) nx.get("founder_sources")).contains("https://w3id.org/cikg/source/");
            assertThat(nx.get("founder_label")).isEqualTo("founder");
            assertThat(nx.get("dated_edge_year_type")).isEqualTo("int");
        }
    }

    @Test
    void gexfIsReadByPlainReadGexfInDebiansNetworkxAndInNetworkx3() throws Exception {
        JsonNode cy = cytoscape("focus=deepseek&depth=2");
        Path file = download(DEEPSEEK_2 + "&format=gexf", "*/*", "g.gexf");
        for (String python : pythons()) {
            Map<String, Object> nx = networkx(python, "read_gexf", file);
            assertThat(nx.get("nodes"))
                    .as(python + " networkx " + nx.get("version"))
                    .isEqualTo(cy.get("elements").get("nodes").size());
            assertThat(nx.get("edges"))
                    .isEqualTo(cy.get("elements").get("edges").size());
            assertThat(nx.get("directed")).isEqualTo(true);
            assertThat(nx.get("hangzhou_label")).isEqualTo("Hangzhou");
            assertThat(nx.get("hangzhou_type")).isEqualTo("City");
            assertThat(nx.get("deepseek_foundingYear_type")).isEqualTo("int");
            assertThat(nx.get("deepseek_foundingYearValues")).isEqualTo("2019; 2023");
            @SuppressWarnings("unchecked")
            Map<String, Object> colour = (Map<String, Object>) nx.get("hangzhou_color");
            int[] rgb = ClassPalette.rgb(ClassPalette.colour("City"));
            assertThat(colour)
                    .containsEntry("r", rgb[0])
                    .containsEntry("g", rgb[1])
                    .containsEntry("b", rgb[2]);
            assertThat(nx.get("dated_edge_year_type")).isEqualTo("int");
            assertThat(nx.get("dated_edges")).isEqualTo(countDated(cy));
        }
        assertThat(networkx(DEBIAN_PYTHON, "read_gexf", file).get("version"))
                .as("Debian 12's networkx")
                .asString()
                .startsWith("2.");
    }

    @Test
    void gexf13IsOfferedWithVersionAndReadByNetworkx3WhenPresent() throws Exception {
        Path file = download("/api/graph?focus=hangzhou&depth=1&format=gexf&version=1.3", "*/*", "g13.gexf");
        assertThat(Files.readString(file))
                .contains("xmlns=\"http://gexf.net/1.3\"")
                .contains("version=\"1.3\"");
        if (NETWORKX3.isPresent()) {
            Map<String, Object> nx = networkx(NETWORKX3.get(), "read_gexf13", file);
            assertThat(nx.get("hangzhou_label")).isEqualTo("Hangzhou");
            assertThat(nx.get("dated_edge_year_type")).isEqualTo("int");
        }
        assertThat(get(facade("/api/graph?focus=hangzhou&format=gexf&version=2.0"), "*/*")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void cytoscapeJsonIsReadByNetworkxCytoscapeGraph() throws Exception {
        JsonNode cy = cytoscape("focus=deepseek&depth=2");
        assertThat(cy.get("directed").asBoolean()).isTrue();
        assertThat(cy.get("multigraph").asBoolean()).isTrue();
        assertThat(cy.get("data").isObject()).isTrue();
        Path file = download(DEEPSEEK_2 + "&format=cytoscape", "application/json", "g.cyjs");
        for (String python : pythons()) {
            Map<String, Object> nx = networkx(python, "cytoscape_graph", file);
            assertThat(nx.get("nodes"))
                    .as(python)
                    .isEqualTo(cy.get("elements").get("nodes").size());
            assertThat(nx.get("edges"))
                    .isEqualTo(cy.get("elements").get("edges").size());
            assertThat(nx.get("directed")).isEqualTo(true);
            assertThat(nx.get("multigraph")).isEqualTo(true);
            assertThat(nx.get("deepseek_label")).isEqualTo("DeepSeek");
            assertThat(nx.get("deepseek_color")).isEqualTo(ClassPalette.colour("Startup"));
            assertThat(nx.get("deepseek_foundingYear").toString()).isEqualTo("[2019, 2023]");
        }
    }

    @Test
    void gexfHasTheVersionNamespaceDeclaredAttributesColoursAndTimeFormat() throws Exception {
        HttpResponse<String> r = get(facade("/api/graph?focus=hangzhou&depth=1"), "application/gexf+xml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/gexf+xml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        Document doc =
                f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        XPath x = XPathFactory.newInstance().newXPath();
        assertThat(x.evaluate("/gexf/@version", doc)).isEqualTo("1.2");
        DocumentBuilderFactory nsAware = DocumentBuilderFactory.newInstance();
        nsAware.setNamespaceAware(true);
        Document nsDoc = nsAware.newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(nsDoc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.gexf.net/1.2draft");
        assertThat(nsDoc.getElementsByTagNameNS("http://www.gexf.net/1.2draft/viz", "color")
                        .getLength())
                .isEqualTo(Integer.parseInt(x.evaluate("count(/gexf/graph/nodes/node)", doc)));
        assertThat(x.evaluate("/gexf/graph/@defaultedgetype", doc)).isEqualTo("directed");
        assertThat(x.evaluate("/gexf/graph/@mode", doc)).isEqualTo("dynamic");
        assertThat(x.evaluate("/gexf/graph/@timeformat", doc)).isEqualTo("integer");
        assertThat(x.evaluate("/gexf/graph/@timerepresentation", doc))
                .as("a 1.3 attribute")
                .isEmpty();
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
            if (t.getSubject().isURI()
                    && t.getSubject().getURI().startsWith(ID)
                    && t.getObject().isURI()
                    && t.getObject().getURI().startsWith(ID)) {
                links++;
            }
        }
        assertThat(links).isEqualTo(cy.get("elements").get("edges").size());
        assertThat(ttl.contains(
                        NodeFactory.createURI(ID + "deepseek"),
                        NodeFactory.createURI("https://w3id.org/cikg/ontology#founder"),
                        NodeFactory.createURI(ID + "liang-wenfeng")))
                .isTrue();
        assertThat(ttl.find(null, RDF.type.asNode(), RDF.Statement.asNode()).toList())
                .isNotEmpty();
    }

    @Test
    void postedConstructIsExportedInTheSameFormats() {
        String q = "PREFIX cikg: <https://w3id.org/cikg/ontology#> CONSTRUCT { ?c cikg:memberOf ?g } "
                + "WHERE { ?c cikg:memberOf ?g }";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(facade("/api/graph?format=cytoscape")))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(q))
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
        assertThat(g.contains(
                        NodeFactory.createURI(ID + "deepseek"),
                        NodeFactory.createURI("https://w3id.org/cikg/ontology#memberOf"),
                        NodeFactory.createURI(ID + "six-little-dragons")))
                .isTrue();
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
        assertThat(r.body())
                .contains("depth")
                .contains("types")
                .contains("predicates")
                .contains("from=");
        HttpResponse<String> post = postForm(
                facade("/api/graph?limit=3"), "application/json", "query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }");
        assertThat(post.statusCode()).isEqualTo(413);
        HttpResponse<String> longBody = postForm(
                facade("/api/graph"),
                "application/json",
                "query",
                "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } #" + "x".repeat(70_000));
        assertThat(longBody.statusCode()).isEqualTo(413);
    }

    @Test
    void badParametersGet400() {
        for (String q : List.of(
                "",
                "focus=DeepSeek!",
                "focus=deepseek&depth=4",
                "focus=deepseek&depth=0",
                "focus=deepseek&from=20x",
                "focus=deepseek&from=2020&to=2010",
                "focus=deepseek&types=not%20a%20class",
                "focus=deepseek&format=png",
                "focus=deepseek&limit=-1",
                "focus=deepseek&lang=english!",
                "focus=deepseek&undated=maybe",
                "focus=deepseek&limit=999999999")) {
            HttpResponse<String> r = get(facade("/api/graph?" + q), "application/json");
            assertThat(r.statusCode()).as(q).isEqualTo(400);
        }
        assertThat(get(facade("/api/graph?focus=no-such-entity-here"), "application/json")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(facade("/api/graph?focus=deepseek"), "image/png").statusCode())
                .isEqualTo(406);
    }

    @Test
    void nodeIdsAreTheSameIrisInEveryFormat() {
        JsonNode cy = cytoscape("focus=game-science&depth=1");
        Set<String> ids = nodeIds(cy);
        String graphml = get(facade("/api/graph?focus=game-science&depth=1&format=graphml"), "*/*")
                .body();
        String gexf = get(facade("/api/graph?focus=game-science&depth=1&format=gexf"), "*/*")
                .body();
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

    /** Debian's own Python 3, with Debian's {@code python3-networkx} (2.8.8 on Debian 12). */
    static final String DEBIAN_PYTHON = "/usr/bin/python3";

    /**
     * A Python on the PATH whose networkx is 3.x, if there is one (none on a fresh Debian 12: its package is 2.8.8,
     * and PyPI is not reachable from this build's machines to make a virtual environment).
     */
    static final java.util.Optional<String> NETWORKX3 = findNetworkx3();

    private static java.util.Optional<String> findNetworkx3() {
        java.util.Set<String> candidates = new java.util.LinkedHashSet<>();
        String env = System.getenv("NETWORKX3_PYTHON");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : new String[] {"python3", "python"}) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    candidates.add(p.toString());
                }
            }
        }
        for (String python : candidates) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import networkx; print(networkx.__version__)")
                        .redirectErrorStream(true)
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("3\\..*")) {
                    return java.util.Optional.of(python);
                }
            } catch (IOException e) {
                // not a usable Python
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /** The Pythons to read exports with: Debian's, and a networkx 3.x one when present. */
    static List<String> pythons() {
        List<String> out = new ArrayList<>(List.of(DEBIAN_PYTHON));
        NETWORKX3.ifPresent(out::add);
        return out;
    }

    private Map<String, Object> networkx(String reader, Path file) throws Exception {
        return networkx(DEBIAN_PYTHON, reader, file);
    }

    /**
     * Reads a file with networkx, as a user would (plain {@code read_gexf(path)}, {@code read_graphml(path)},
     * {@code cytoscape_graph(json.load(f))}; {@code read_gexf13} passes {@code version="1.3"}), and reports counts
     * and a few attributes as JSON. Nothing in networkx is patched.
     */
    private Map<String, Object> networkx(String python, String reader, Path file) throws Exception {
        String script = String.join(
                "\n",
                "import sys, json, networkx as nx",
                "reader, path = sys.argv[1], sys.argv[2]",
                "if reader == 'read_gexf': G = nx.read_gexf(path)",
                "elif reader == 'read_gexf13': G = nx.read_gexf(path, version='1.3')",
                "elif reader == 'cytoscape_graph': G = nx.cytoscape_graph(json.load(open(path, encoding='utf-8')))",
                "else: G = nx.read_graphml(path)",
                "out = {'nodes': G.number_of_nodes(), 'edges': G.number_of_edges(), 'directed': G.is_directed(),",
                "       'version': nx.__version__, 'multigraph': G.is_multigraph()}",
                "ID = 'https://w3id.org/cikg/id/'",
                "for slug in ('deepseek', 'hangzhou'):",
                "    if ID + slug in G.nodes:",
                "        n = G.nodes[ID + slug]",
                "        out[slug + '_label'] = n.get('label')",
                "        out[slug + '_type'] = n.get('type')",
                "        out[slug + '_color'] = n.get('color') or n.get('viz', {}).get('color')",
                "        fy = n.get('foundingYear')",
                "        if fy is not None:",
                "            out[slug + '_foundingYear'] = fy",
                "            out[slug + '_foundingYear_type'] = type(fy).__name__",
                "            out[slug + '_foundingYearValues'] = n.get('foundingYearValues')",
                "dated = 0",
                "for e in G.edges(data=True):",
                "    d = e[-1]",
                "    if d.get('predicate', '').endswith('#founder'):",
                "        out['founder_sources'] = d.get('sources')",
                "        out['founder_label'] = d.get('label')",
                "    if d.get('startYear') is not None:",
                "        dated += 1",
                "        out['dated_edge_year_type'] = type(d['startYear']).__name__",
                "        if reader.startswith('read_gexf'): assert d.get('start') == d['startYear'], d",
                "out['dated_edges'] = dated",
                "print(json.dumps(out))");
        Process p = new ProcessBuilder(python, "-c", script, reader, file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(python + " " + reader + ": " + output).isZero();
        String last = output.strip().lines().reduce((a, b) -> b).orElse("{}");
        Map<String, Object> result = JSON.readValue(last, Map.class);
        return new java.util.LinkedHashMap<>(result);
    }
}
