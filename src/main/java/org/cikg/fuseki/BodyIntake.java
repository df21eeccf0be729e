package org.cikg.fuseki;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/**
 * The request body, read here (at most the limit) instead of unbounded by Jena: an upload to {@code /data} in a form
 * the service does not take (415, see {@link #uploadRefusal}), and a {@code POST}, {@code PUT} or {@code PATCH} body
 * longer than {@link EndpointLimits#maxUpload()} (uploads) or {@link EndpointLimits#maxBody()} (the rest), whether
 * declared or counted while streaming (413). A body within the limit is buffered and replayed to Fuseki as a
 * {@link BufferedRequest}.
 */
final class BodyIntake {
    /** The most bytes of a refused request body read and discarded so the client sees the refusal (see swallow). */
    static final long SWALLOW = 2L * 1024 * 1024;

    private final EndpointLimits limits;
    private final List<String> uploadPaths;

    BodyIntake(EndpointLimits limits, List<String> datasets) {
        this.limits = limits;
        this.uploadPaths = datasets.stream().map(d -> d + "/data").toList();
    }

    /** A Graph Store upload ({@code /data} of a dataset): its body is RDF, not SPARQL. */
    boolean isUpload(HttpServletRequest request) {
        return uploadPaths.contains(request.getRequestURI());
    }

    /**
     * The request to hand on (the same one, or a {@link BufferedRequest} holding its body), or null when it was refused
     * (the problem written).
     */
    HttpServletRequest take(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean upload = isUpload(request);
        String uploadRefusal = upload ? uploadRefusal(request) : null;
        if (uploadRefusal != null) {
            swallow(request.getInputStream(), SWALLOW, response);
            ProblemBody.write(response, 415, "Unsupported upload", uploadRefusal);
            return null;
        }
        String method = request.getMethod();
        if (!"POST".equals(method) && !"PUT".equals(method) && !"PATCH".equals(method)) {
            return request;
        }
        long limit = upload ? limits.maxUpload().toBytes() : limits.maxBody().toBytes();
        long declared = request.getContentLengthLong();
        byte[] body = declared > limit ? null : readAtMost(request.getInputStream(), limit);
        if (body == null) {
            swallow(request.getInputStream(), declared > limit + SWALLOW ? 0 : SWALLOW, response);
            ProblemBody.write(
                    response, 413, "Content too large", "The request body is larger than " + limit + " bytes.");
            return null;
        }
        try {
            return new BufferedRequest(request, body);
        } catch (IllegalArgumentException e) {
            ProblemBody.write(response, 400, "Bad request", "Malformed form encoding: " + e.getMessage());
            return null;
        }
    }

    /**
     * Why an upload to {@code /data} is refused (see {@link RequestGate}), or null: a {@code Content-Encoding}, a
     * multipart body, or RDF Thrift or RDF Protobuf.
     */
    static String uploadRefusal(HttpServletRequest request) {
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.strip())) {
            return "Compressed uploads are not accepted (their size limit would hold only on the wire, not for what "
                    + "they expand to); send the body uncompressed.";
        }
        String type = RequestLineRules.baseType(request.getHeader("Content-Type"));
        if (type != null && type.startsWith("multipart/")) {
            return "Multipart uploads are not accepted; send the data as the request body, with its Content-Type.";
        }
        if (binaryRdf(type)) {
            return "RDF Thrift and RDF Protobuf are not accepted here: their parsers take a corrupt or cut body for a "
                    + "complete one, which would replace a graph with part of the data. Send Turtle, N-Triples, "
                    + "N-Quads, TriG, RDF/XML or JSON-LD.";
        }
        return null;
    }

    /** RDF Thrift or RDF Protobuf by the Content-Type (the formats whose parsers do not notice a corrupt body). */
    static boolean binaryRdf(String contentType) {
        String base = RequestLineRules.baseType(contentType);
        if (base == null) {
            return false;
        }
        Lang lang = RDFLanguages.contentTypeToLang(base);
        return Lang.RDFTHRIFT.equals(lang) || Lang.RDFPROTO.equals(lang);
    }

    /**
     * Reads and discards up to {@code max} more bytes of a refused body, so a client still sending it gets to read the
     * refusal instead of a reset connection (as Tomcat's {@code maxSwallowSize}, 2 MB, does); a longer body is left
     * unread and the connection closed after the refusal.
     */
    static void swallow(InputStream in, long max, HttpServletResponse response) throws IOException {
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while (total <= max && (n = in.read(buf)) > 0) {
            total += n;
        }
        if (total > max) {
            response.setHeader("Connection", "close");
        }
    }

    /** The body, or null when it is longer than {@code limit} bytes. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
