package org.cikg.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;

/** Entity IRIs, their RDF documents, the ontology, VoID and the service description, over HTTP. */
class LinkedDataIT extends ServiceITBase {
    static final String ID = "https://w3id.org/cikg/id/";
    static final String CIKG = "https://w3id.org/cikg/ontology#";
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    private static Model parse(HttpResponse<String> r, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body(), lang).base("http://example.org/").parse(m);
        return m;
    }

    private static Property cikg(Model m, String local) {
        return m.createProperty(CIKG, local);
    }

    @Test
    void entityIriRedirectsBrowsersToThePageAndClientsToTheirFormat() {
        HttpResponse<String> html = get(facade("/id/unitree-robotics"), "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(html.statusCode()).isEqualTo(303);
        assertThat(html.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/page/unitree-robotics"));
        assertThat(html.headers().firstValue("Vary"))
                .hasValueSatisfying(v -> assertThat(v).contains("Accept"));
        for (RdfFormat f : RdfFormat.values()) {
            HttpResponse<String> r = get(facade("/id/unitree-robotics"), f.mediaType());
            assertThat(r.statusCode()).as(f.mediaType()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/data/unitree-robotics." + f.extension()));
        }
    }

    @Test
    void everyFormatReparsesWithTheEntitysFactsProvenanceAndNeighbourLabels() {
        for (RdfFormat f : RdfFormat.values()) {
            HttpResponse<String> redirect = get(facade("/id/unitree-robotics"), f.mediaType());
            String location = redirect.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> r =
                    get(URI.create(facade("/")).resolve(location).toString(), f.mediaType());
            assertThat(r.statusCode()).as(f.label()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(c -> assertThat(c).startsWith(f.mediaType()));
            Model m = parse(r, f.lang);
            Resource unitree = m.createResource(ID + "unitree-robotics");
            Resource eagle = m.createResource(ID + "eagle-project");
            Property benefitedFrom = cikg(m, "benefitedFrom");
            // the fact
            assertThat(m.contains(unitree, benefitedFrom, eagle)).as(f.label()).isTrue();
            assertThat(m.contains(unitree, RDFS.label, m.createLiteral("Unitree Robotics", "en")))
                    .isTrue();
            // its statement node with provenance, and the source's title
            List<Resource> statements = m.listResourcesWithProperty(RDF.subject, unitree).toList().stream()
                    .filter(st -> st.hasProperty(RDF.predicate, benefitedFrom) && st.hasProperty(RDF.object, eagle))
                    .toList();
            assertThat(statements).as(f.label()).isNotEmpty();
            Resource st = statements.get(0);
            assertThat(st.hasProperty(RDF.type, RDF.Statement)).isTrue();
            assertThat(st.getProperty(cikg(m, "paragraph")).getInt()).isPositive();
            assertThat(st.getProperty(cikg(m, "certainty")).getString()).isIn("stated", "hedged");
            Resource source = st.getPropertyResourceValue(m.createProperty(PROV, "wasDerivedFrom"));
            assertThat(source.getURI()).startsWith("https://w3id.org/cikg/source/");
            assertThat(source.hasProperty(DCTerms.title)).as(f.label()).isTrue();
            // labels of what it links to, both directions
            assertThat(m.contains(eagle, RDFS.label, m.createLiteral("Eagle Project", "en")))
                    .isTrue();
            Resource subsidies = m.createResource(ID + "binjiang-district-industrial-subsidies");
            assertThat(m.contains(subsidies, cikg(m, "beneficiary"), unitree))
                    .as("incoming link")
                    .isTrue();
            assertThat(subsidies.hasProperty(RDFS.label)).isTrue();
        }
    }

    @Test
    void unknownEntityIsAnHtmlPageWithSuggestionsForBrowsers() {
        HttpResponse<String> r = get(facade("/id/deepseek-labs"), "text/html");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("text/html"));
        assertThat(r.body()).contains("No entity").contains("Did you mean").contains("href=\"/page/deepseek\"");
        HttpResponse<String> page = get(facade("/page/deepseek-labs"), "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("href=\"/page/deepseek\"");
    }

    @Test
    void unknownEntityIsProblemJsonForEveryoneElse() {
        for (String accept : List.of("text/turtle", "application/ld+json", "application/json")) {
            HttpResponse<String> r = get(facade("/id/no-such-entity"), accept);
            assertThat(r.statusCode()).as(accept).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.body()).contains("\"status\":404").contains("no-such-entity");
        }
        HttpResponse<String> data = get(facade("/data/no-such-entity.ttl"), "text/turtle");
        assertThat(data.statusCode()).isEqualTo(404);
        assertThat(data.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get(facade("/data/deepseek.xyz"), "*/*").statusCode()).isEqualTo(404);
    }

    @Test
    void unacceptableAcceptIs406() {
        for (String path : List.of("/id/deepseek", "/ontology", "/.well-known/void")) {
            HttpResponse<String> r = get(facade(path), "image/png");
            assertThat(r.statusCode()).as(path).isEqualTo(406);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void ontologyNegotiatesTurtleAndJsonLdAndDocumentsEveryClassInHtml() {
        Model ttl = parse(get(facade("/ontology"), "text/turtle"), Lang.TURTLE);
        Model jsonld = parse(get(facade("/ontology"), "application/ld+json"), Lang.JSONLD);
        assertThat(jsonld.isIsomorphicWith(ttl)).isTrue();
        List<Resource> classes = ttl.listResourcesWithProperty(RDF.type, OWL.Class).toList().stream()
                .filter(c -> c.isURIResource() && c.getURI().startsWith(CIKG))
                .toList();
        assertThat(classes).extracting(Resource::getLocalName).contains("Startup", "Policy", "Indicator", "Position");
        HttpResponse<String> html = get(facade("/ontology"), "text/html");
        assertThat(html.statusCode()).isEqualTo(200);
        for (Resource c : classes) {
            assertThat(html.body()).as(c.getLocalName()).contains("id=\"" + c.getLocalName() + "\"");
        }
        // generated from the graph: a comment, a domain and an alignment
        String comment =
                ttl.getResource(CIKG + "Startup").getProperty(RDFS.comment).getString();
        assertThat(html.body()).contains(comment).contains("schema:Organization");
    }

    @Test
    void voidDescribesTheDatasetAndLinksTheServiceDescription() {
        HttpResponse<String> r = get(facade("/.well-known/void"), "text/turtle");
        assertThat(r.statusCode()).isEqualTo(200);
        Model m = parse(r, Lang.TURTLE);
        Resource ds = m.createResource("https://w3id.org/cikg/dataset");
        assertThat(ds.hasProperty(RDF.type, m.createResource(VOID + "Dataset"))).isTrue();
        assertThat(ds.getPropertyResourceValue(DCTerms.license).getURI())
                .isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(ds.getPropertyResourceValue(m.createProperty(VOID, "sparqlEndpoint"))
                        .getURI())
                .isEqualTo(sparqlEndpoint());
        assertThat(ds.getProperty(m.createProperty(VOID, "triples")).getLong()).isGreaterThan(1000);
        // the five source articles and the npm package the gazetteer is generated from
        assertThat(m.listObjectsOfProperty(ds, DCTerms.source).toList())
                .hasSize(6)
                .anyMatch(n -> n.asResource().getURI().equals("https://www.npmjs.com/package/china-division/v/2.7.0"));
        Resource gazetteer = m.createResource("https://w3id.org/cikg/dataset/gazetteer");
        assertThat(ds.hasProperty(m.createProperty(VOID, "subset"), gazetteer)).isTrue();
        assertThat(gazetteer.getPropertyResourceValue(DCTerms.license).getURI()).isEqualTo("http://www.wtfpl.net/");
        assertThat(gazetteer.getProperty(DCTerms.rights).getString()).contains("china-division", "modood");
        assertThat(m.listObjectsOfProperty(ds, m.createProperty(VOID, "exampleResource"))
                        .toList())
                .isNotEmpty()
                .allSatisfy(n -> assertThat(n.asResource().getURI()).startsWith(ID));
        boolean startups = m.listObjectsOfProperty(ds, m.createProperty(VOID, "classPartition")).toList().stream()
                .map(RDFNode::asResource)
                .anyMatch(p -> p.hasProperty(m.createProperty(VOID, "class"), m.createResource(CIKG + "Startup"))
                        && p.getProperty(m.createProperty(VOID, "entities")).getLong() > 0);
        assertThat(startups).isTrue();
        Resource sdLink = m.listObjectsOfProperty(ds, RDFS.seeAlso).toList().stream()
                .map(RDFNode::asResource)
                .filter(x -> x.getURI().endsWith("/sparql-service-description"))
                .findFirst()
                .orElseThrow();
        assertThat(parse(get(facade("/.well-known/void"), "application/ld+json"), Lang.JSONLD)
                        .isIsomorphicWith(m))
                .isTrue();

        Model sd = parse(get(sdLink.getURI(), "text/turtle"), Lang.TURTLE);
        Resource service = sd.listResourcesWithProperty(RDF.type, sd.createResource(SD + "Service"))
                .next();
        assertThat(service.getPropertyResourceValue(sd.createProperty(SD, "endpoint"))
                        .getURI())
                .isEqualTo(sparqlEndpoint());
        assertThat(service.hasProperty(
                        sd.createProperty(SD, "supportedLanguage"), sd.createResource(SD + "SPARQL11Query")))
                .isTrue();
    }

    @Test
    void openAsSparqlRunsOnTheEndpointAndReturnsThePagesData() {
        HttpResponse<String> page = get(facade("/page/unitree-robotics"), "text/html");
        Matcher link = Pattern.compile("href=\"(http://[^\"]+/kg/sparql\\?query=[^\"]+)\"")
                .matcher(page.body());
        assertThat(link.find()).isTrue();
        String url = link.group(1).replace("&amp;", "&");
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/turtle")
                .GET()
                .build());
        assertThat(r.statusCode()).isEqualTo(200);
        Model fromEndpoint = parse(r, Lang.TURTLE);
        Model fromData = parse(get(facade("/data/unitree-robotics.ttl"), "text/turtle"), Lang.TURTLE);
        assertThat(fromEndpoint.isIsomorphicWith(fromData)).isTrue();
        Literal label = fromEndpoint.createLiteral("Unitree Robotics", "en");
        assertThat(fromEndpoint.contains(null, RDFS.label, label)).isTrue();
    }
}
