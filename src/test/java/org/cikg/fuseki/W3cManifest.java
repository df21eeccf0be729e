package org.cikg.fuseki;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Reads a W3C SPARQL test manifest ({@code mf:include} lists of manifests, {@code mf:entries} lists of tests) into
 * {@link Case} records. Files are named by their {@code file:} URIs, which is also how the query tests name their
 * {@code qt:graphData} graphs.
 */
final class W3cManifest {
    static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    static final String QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
    static final String UT = "http://www.w3.org/2009/sparql/tests/test-update#";
    static final String DAWGT = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#";

    /** What a test does; {@link #OTHER} is anything this runner does not run. */
    enum Kind {
        QUERY,
        UPDATE,
        POSITIVE_QUERY_SYNTAX,
        NEGATIVE_QUERY_SYNTAX,
        POSITIVE_UPDATE_SYNTAX,
        NEGATIVE_UPDATE_SYNTAX,
        OTHER
    }

    /** A graph to load or expect: {@code name} null for the default graph. */
    record GraphFile(String name, String file) {}

    /**
     * One test. {@code key} is {@code folder/local-name} (stable, used by the expected-failures file); {@code request}
     * is the query, update or syntax-test file; {@code result} the expected results file (query tests).
     */
    record Case(
            String key,
            String manifest,
            String name,
            String type,
            Kind kind,
            boolean withdrawn,
            String request,
            List<GraphFile> data,
            String result,
            List<GraphFile> expected) {}

    private W3cManifest() {}

    /** Every test reachable from the manifest, following {@code mf:include}, in manifest order. */
    static List<Case> read(Path manifest) {
        List<Case> out = new ArrayList<>();
        read(manifest.toAbsolutePath().normalize(), out);
        return out;
    }

    private static void read(Path file, List<Case> out) {
        Model m = RDFDataMgr.loadModel(file.toUri().toString());
        String folder = file.getParent().getFileName().toString();
        for (Resource manifest : m.listSubjectsWithProperty(RDF.type, m.createResource(MF + "Manifest"))
                .toList()) {
            for (RDFNode inc : list(manifest, MF + "include")) {
                read(Path.of(java.net.URI.create(inc.asResource().getURI())), out);
            }
            for (RDFNode e : list(manifest, MF + "entries")) {
                out.add(toCase(folder, e.asResource()));
            }
        }
    }

    private static List<RDFNode> list(Resource r, String property) {
        Statement s = r.getProperty(r.getModel().createProperty(property));
        return s == null ? List.of() : s.getObject().as(RDFList.class).asJavaList();
    }

    private static Case toCase(String folder, Resource t) {
        Model m = t.getModel();
        String uri = t.getURI();
        String local = uri.substring(Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/')) + 1);
        Resource type = t.getPropertyResourceValue(RDF.type);
        String typeName = type == null ? "?" : type.getLocalName();
        Kind kind = switch (typeName) {
            case "QueryEvaluationTest" -> Kind.QUERY;
            case "UpdateEvaluationTest" -> Kind.UPDATE;
            case "PositiveSyntaxTest11" -> Kind.POSITIVE_QUERY_SYNTAX;
            case "NegativeSyntaxTest11" -> Kind.NEGATIVE_QUERY_SYNTAX;
            case "PositiveUpdateSyntaxTest11" -> Kind.POSITIVE_UPDATE_SYNTAX;
            case "NegativeUpdateSyntaxTest11" -> Kind.NEGATIVE_UPDATE_SYNTAX;
            default -> Kind.OTHER;
        };
        Resource approval = t.getPropertyResourceValue(m.createProperty(DAWGT + "approval"));
        boolean withdrawn = approval != null && "Withdrawn".equals(approval.getLocalName());
        String name = t.hasProperty(m.createProperty(MF + "name"))
                ? t.getProperty(m.createProperty(MF + "name")).getString()
                : local;
        RDFNode action = t.hasProperty(m.createProperty(MF + "action"))
                ? t.getProperty(m.createProperty(MF + "action")).getObject()
                : null;
        RDFNode result = t.hasProperty(m.createProperty(MF + "result"))
                ? t.getProperty(m.createProperty(MF + "result")).getObject()
                : null;
        String request = null;
        List<GraphFile> data = new ArrayList<>();
        List<GraphFile> expected = new ArrayList<>();
        String resultFile = null;
        if (action != null && action.isURIResource()) {
            request = action.asResource().getURI();
        } else if (action != null) {
            Resource a = action.asResource();
            String ns = kind == Kind.UPDATE ? UT : QT;
            request = uriOf(a, ns + (kind == Kind.UPDATE ? "request" : "query"));
            graphs(a, ns, data);
        }
        if (result != null && result.isURIResource()) {
            resultFile = result.asResource().getURI();
        } else if (result != null && result.isResource()) {
            graphs(result.asResource(), UT, expected);
        }
        return new Case(
                folder + "/" + local, folder, name, typeName, kind, withdrawn, request, data, resultFile, expected);
    }

    /** {@code ns:data} files go to the default graph; {@code ns:graphData} to a named graph. */
    private static void graphs(Resource r, String ns, List<GraphFile> into) {
        Model m = r.getModel();
        for (Statement s : r.listProperties(m.createProperty(ns + "data")).toList()) {
            into.add(new GraphFile(null, s.getResource().getURI()));
        }
        for (Statement s : r.listProperties(m.createProperty(ns + "graphData")).toList()) {
            Resource g = s.getResource();
            if (g.isURIResource()) {
                into.add(new GraphFile(g.getURI(), g.getURI())); // query tests: the graph is named by its file
            } else {
                String file = uriOf(g, ns + "graph");
                String label =
                        g.hasProperty(RDFS.label) ? g.getProperty(RDFS.label).getString() : file;
                into.add(new GraphFile(label, file));
            }
        }
    }

    private static String uriOf(Resource r, String property) {
        Resource v = r.getPropertyResourceValue(r.getModel().createProperty(property));
        return v == null ? null : v.getURI();
    }
}
