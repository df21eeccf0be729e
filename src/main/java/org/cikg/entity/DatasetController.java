package org.cikg.entity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.cikg.core.Namespaces;
import org.cikg.fuseki.FusekiEndpoints;
import org.cikg.store.Graphs;
import org.cikg.store.KnowledgeStore;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Descriptions of the dataset and the vocabulary:
 * <ul>
 *   <li>{@code GET /ontology}: HTML documentation of every class, property and concept, or the ontology graph as
 *       Turtle, JSON-LD, N-Triples or RDF/XML by {@code Accept} (200, {@code Vary: Accept});
 *       {@code /ontology.{ext}} picks a format by extension.</li>
 *   <li>{@code GET /.well-known/void}: the VoID description (RDF only; Turtle unless asked otherwise).</li>
 *   <li>{@code GET /sparql-service-description}: a SPARQL 1.1 Service Description of the Fuseki endpoint, which
 *       Fuseki itself does not serve.</li>
 * </ul>
 */
@Controller
class DatasetController {
    static final String VOID = Namespaces.VOID;
    static final String SD = Namespaces.SD;
    static final String CC_BY = "https://creativecommons.org/licenses/by/4.0/";
    private final EntityReader reader;
    private final KnowledgeStore store;
    private final FusekiEndpoints fuseki;

    DatasetController(EntityReader reader, KnowledgeStore store, FusekiEndpoints fuseki) {
        this.reader = reader;
        this.store = store;
        this.fuseki = fuseki;
    }

    @GetMapping("/ontology")
    String ontology(
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request,
            HttpServletResponse response,
            ModelMap model)
            throws HttpMediaTypeNotAcceptableException {
        Negotiation n = Negotiation.of(accept, true);
        Model ontology = reader.ontology();
        if (!n.html()) {
            PageSupport.writeRdf(response, ontology, n.format(), true);
            return null;
        }
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        PageSupport.common(model, request, fuseki);
        OntologyDoc doc = OntologyDoc.of(ontology);
        model.addAttribute("doc", doc);
        model.addAttribute("sections", java.util.List.of(doc.classes(), doc.properties(), doc.concepts()));
        model.addAttribute(
                "formats",
                java.util.Arrays.stream(RdfFormat.values())
                        .map(f -> new EntityPage.Download(f.label, "/ontology." + f.extension, f.mediaType()))
                        .toList());
        return "ontology";
    }

    @GetMapping("/ontology.{ext}")
    String ontologyFile(
            @org.springframework.web.bind.annotation.PathVariable String ext, HttpServletResponse response) {
        RdfFormat f = RdfFormat.byExtension(ext)
                .orElseThrow(() -> new org.cikg.problem.NotFoundException("No ontology format '" + ext + "'"));
        PageSupport.writeRdf(response, reader.ontology(), f, false);
        return null;
    }

    @GetMapping("/.well-known/void")
    String voidDescription(
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request,
            HttpServletResponse response)
            throws HttpMediaTypeNotAcceptableException {
        Negotiation n = Negotiation.of(accept, false);
        PageSupport.writeRdf(response, voidModel(request), n.format(), true);
        return null;
    }

    @GetMapping("/sparql-service-description")
    String serviceDescription(
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request,
            HttpServletResponse response)
            throws HttpMediaTypeNotAcceptableException {
        Negotiation n = Negotiation.of(accept, false);
        PageSupport.writeRdf(response, serviceModel(request), n.format(), true);
        return null;
    }

    private String facade(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    }

    Model voidModel(HttpServletRequest request) {
        Model m = EntityReader.withPrefixes(ModelFactory.createDefaultModel());
        m.setNsPrefixes(Namespaces.of("void", "sd"));
        String facade = facade(request);
        Resource ds = m.createResource(Graphs.DATASET.getURI());
        Resource description = m.createResource(facade + "/.well-known/void");
        description
                .addProperty(RDF.type, m.createResource(VOID + "DatasetDescription"))
                .addProperty(DCTerms.title, "VoID description of the China Innovation Knowledge Graph", "en")
                .addProperty(m.createProperty(Namespaces.FOAF, "primaryTopic"), ds);
        KnowledgeStore.StoreStatus status = store.status();
        ds.addProperty(RDF.type, m.createResource(VOID + "Dataset"))
                .addProperty(DCTerms.title, "China Innovation Knowledge Graph", "en")
                .addProperty(
                        DCTerms.description,
                        "Companies, people, places and policies of China's technology and "
                                + "AI innovation ecosystem and how they link, each claim traced to its source article and "
                                + "paragraph.",
                        "en")
                .addProperty(DCTerms.license, m.createResource(CC_BY))
                .addProperty(v(m, "uriSpace"), Namespaces.KGID)
                .addProperty(v(m, "vocabulary"), m.createResource(Namespaces.CIKG))
                .addProperty(RDFS.seeAlso, m.createResource(facade + "/sparql-service-description"))
                .addProperty(RDFS.seeAlso, m.createResource(facade + "/ontology"))
                .addProperty(v(m, "triples"), integer(m, status.triples()));
        if (status.loadedAt() != null) {
            ds.addProperty(
                    DCTerms.modified,
                    m.createTypedLiteral(
                            status.loadedAt().toString(), org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime));
        }
        for (String e : reader.exampleEntities()) {
            ds.addProperty(v(m, "exampleResource"), m.createResource(e));
        }
        for (EntityReader.ClassCount c : reader.classCounts()) {
            if (c.count() == 0) {
                continue;
            }
            ds.addProperty(
                    v(m, "classPartition"),
                    m.createResource()
                            .addProperty(v(m, "class"), m.createResource(c.iri()))
                            .addProperty(v(m, "entities"), integer(m, c.count())));
        }
        for (EntityReader.SourceSummary s : reader.sources()) {
            Resource src = m.createResource(s.iri());
            ds.addProperty(DCTerms.source, src);
            if (s.title() != null) {
                src.addProperty(DCTerms.title, s.title());
            }
        }
        for (org.apache.jena.graph.Node g :
                java.util.List.of(Graphs.ONTOLOGY, Graphs.DATA, Graphs.INFERRED, Graphs.META)) {
            ds.addProperty(v(m, "subset"), m.createResource(g.getURI()));
        }
        // Parts drawn from other data sets keep their source, licence and attribution.
        for (EntityReader.Subset sub : reader.subsets()) {
            Resource part = m.createResource(sub.iri())
                    .addProperty(RDF.type, m.createResource(VOID + "Dataset"))
                    .addProperty(DCTerms.title, m.asRDFNode(sub.title()))
                    .addProperty(DCTerms.source, m.createResource(sub.source()))
                    .addProperty(DCTerms.license, m.createResource(sub.license()));
            if (sub.rights() != null) {
                part.addProperty(DCTerms.rights, m.asRDFNode(sub.rights()));
            }
            ds.addProperty(v(m, "subset"), part);
            ds.addProperty(DCTerms.source, m.createResource(sub.source()));
        }
        for (RdfFormat f : RdfFormat.values()) {
            ds.addProperty(
                    v(m, "feature"),
                    m.createResource("http://www.w3.org/ns/formats/"
                            + switch (f) {
                                case TURTLE -> "Turtle";
                                case JSONLD -> "JSON-LD";
                                case NTRIPLES -> "N-Triples";
                                case RDFXML -> "RDF_XML";
                            }));
        }
        ds.addProperty(v(m, "rootResource"), m.createResource(Namespaces.KGID + "china"));
        PageSupport.sparqlEndpoint(request, fuseki)
                .ifPresent(e -> ds.addProperty(v(m, "sparqlEndpoint"), m.createResource(e)));
        return m;
    }

    Model serviceModel(HttpServletRequest request) {
        Model m = EntityReader.withPrefixes(ModelFactory.createDefaultModel());
        m.setNsPrefixes(Namespaces.of("sd", "void"));
        java.util.Optional<String> endpoint = PageSupport.sparqlEndpoint(request, fuseki);
        Resource service = m.createResource(facade(request) + "/sparql-service-description#service");
        Resource dataset = m.createResource()
                .addProperty(RDF.type, sd(m, "Dataset"))
                .addProperty(
                        sdp(m, "defaultGraph"),
                        m.createResource()
                                .addProperty(RDF.type, sd(m, "Graph"))
                                .addProperty(RDF.type, m.createResource(VOID + "Dataset"))
                                .addProperty(RDFS.comment, "The union of the named graphs.", "en")
                                .addProperty(
                                        m.createProperty(VOID, "triples"),
                                        integer(m, store.status().triples())));
        for (org.apache.jena.graph.Node g :
                java.util.List.of(Graphs.ONTOLOGY, Graphs.DATA, Graphs.INFERRED, Graphs.META)) {
            dataset.addProperty(
                    sdp(m, "namedGraph"),
                    m.createResource()
                            .addProperty(RDF.type, sd(m, "NamedGraph"))
                            .addProperty(sdp(m, "name"), m.createResource(g.getURI())));
        }
        service.addProperty(RDF.type, sd(m, "Service"))
                .addProperty(sdp(m, "supportedLanguage"), sd(m, "SPARQL11Query"))
                .addProperty(sdp(m, "defaultDataset"), dataset)
                .addProperty(
                        RDFS.comment, "SERVICE to remote endpoints is disabled; every query has a time limit.", "en");
        endpoint.ifPresent(e -> service.addProperty(sdp(m, "endpoint"), m.createResource(e)));
        if (!store.isRemote()) {
            // A remote store's own default graph need not be the union: queries through the service name the graphs.
            service.addProperty(sdp(m, "feature"), sd(m, "UnionDefaultGraph"));
        }
        for (String media : java.util.List.of(
                "SPARQL_Results_JSON",
                "SPARQL_Results_XML",
                "SPARQL_Results_CSV",
                "SPARQL_Results_TSV",
                "Turtle",
                "JSON-LD",
                "N-Triples",
                "RDF_XML")) {
            service.addProperty(sdp(m, "resultFormat"), m.createResource("http://www.w3.org/ns/formats/" + media));
        }
        return m;
    }

    private static org.apache.jena.rdf.model.Literal integer(Model m, long n) {
        return m.createTypedLiteral(Long.toString(n), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
    }

    private static Property v(Model m, String local) {
        return m.createProperty(VOID, local);
    }

    private static Resource sd(Model m, String local) {
        return m.createResource(SD + local);
    }

    private static Property sdp(Model m, String local) {
        return m.createProperty(SD, local);
    }
}
