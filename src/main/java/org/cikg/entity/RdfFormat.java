package org.cikg.entity;

import java.util.Arrays;
import java.util.Optional;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.springframework.http.MediaType;

/** The RDF serialisations the service publishes, each with its file extension, media type and Jena writer. */
enum RdfFormat {
    TURTLE("ttl", "text/turtle", "Turtle", Lang.TURTLE, RDFFormat.TURTLE_PRETTY),
    JSONLD("jsonld", "application/ld+json", "JSON-LD", Lang.JSONLD, RDFFormat.JSONLD11_PRETTY),
    NTRIPLES("nt", "application/n-triples", "N-Triples", Lang.NTRIPLES, RDFFormat.NTRIPLES),
    RDFXML("rdf", "application/rdf+xml", "RDF/XML", Lang.RDFXML, RDFFormat.RDFXML_PRETTY);

    final String extension;
    final MediaType mediaType;
    final String label;
    final Lang lang;
    final RDFFormat writerFormat;

    RdfFormat(String extension, String mediaType, String label, Lang lang, RDFFormat writerFormat) {
        this.extension = extension;
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.label = label;
        this.lang = lang;
        this.writerFormat = writerFormat;
    }

    static Optional<RdfFormat> byExtension(String ext) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(ext)).findFirst();
    }

    /** The content type to send, with the charset for the text formats. */
    MediaType contentType() {
        return new MediaType(mediaType, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String extension() {
        return extension;
    }

    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType.toString();
    }
}
