package org.cikg.fuseki;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.cikg.config.KgProperties;
import org.cikg.problem.TooManyQueriesException;
import org.cikg.sparql.DeadlineRegex;
import org.cikg.sparql.QueryAdmission;

/**
 * The servlet filter in front of every Fuseki endpoint. It reads what Jena would otherwise read unbounded and refuses,
 * before any parsing, what the service does not serve:
 * <ul>
 *   <li>a raw path with {@code //}, dot segments, {@code ;} parameters or encoded dots, slashes or {@code $}: 400
 *       (so no spelling of a path reaches a different endpoint than the plain one);</li>
 *   <li>a query string longer than {@link EndpointLimits#maxBody()}: 414;</li>
 *   <li>a body longer than the limit ({@code Content-Length} or counted while streaming): 413 — the body is
 *       buffered here (at most the limit) and replayed to Fuseki;</li>
 *   <li>a regular expression pattern longer than {@code kg.sparql.regex-max-length}: 400;</li>
 *   <li>a query or update nested deeper than {@link EndpointLimits#maxDepth()}, or one whose parse exhausts the
 *       stack: 400;</li>
 *   <li>{@code LOAD} in an update, even from the admin: 403 (it would fetch any URL or read any local file);</li>
 *   <li>a {@code Content-Type} naming a character set this JVM does not know: 415 (Jetty would throw, a 500);</li>
 *   <li>an upload in RDF Thrift or RDF Protobuf, as {@code multipart/form-data}, or with a {@code Content-Encoding}:
 *       415. Thrift and Protobuf parsers end quietly at garbage or a cut, so a bad body would replace a graph with
 *       part of it; Fuseki's multipart upload takes each part's format from its own headers or file name (so it
 *       would let those formats in, and fails with a 500 on a part without a type); a compressed body is only
 *       limited on the wire, not in what it expands to. Every format left (Turtle, N-Triples, N-Quads, TriG,
 *       RDF/XML, JSON-LD, RDF/JSON, TriX) Fuseki parses completely inside the write transaction, and a syntax error
 *       aborts it: the graph stays as it was;</li>
 *   <li>{@code callback} or {@code stylesheet} parameters, which Fuseki would write into the response: 400;</li>
 *   <li>{@code TRACE}: 405;</li>
 *   <li>an update that does not parse: 400 here, since Fuseki would run the operations before the error;</li>
 *   <li>an {@code Accept} header that no result or RDF format satisfies: 406;</li>
 *   <li>a {@code timeout} parameter that is not one or two whole numbers of seconds, or given twice: 400 (a
 *       well-formed one can only lower {@code kg.sparql.timeout}: {@link LimitedQueryService});</li>
 *   <li>on a read replica, an update or Graph Store write to the store: 409, naming the service that takes writes;</li>
 *   <li>a request to a dataset beyond the {@link QueryAdmission} limits (in all, or from this client address): 503
 *       with {@code Retry-After}, at once.</li>
 * </ul>
 * While Fuseki computes, a {@link ClientWatch} aborts the query if the client closes its connection.
 * Refusals are small RFC 9457 {@code application/problem+json} bodies. Fuseki writes into a {@link GuardedResponse}:
 * a result cut by the query timeout after the first bytes went out ends in an aborted connection (no final chunk),
 * never in a 200 that looks complete; a timeout before that is a 503 problem with {@code Retry-After}.
 */
final class RequestGate implements Filter {
    private static final AcceptList OFFERS = offers();
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]*)");
    /** The most bytes of a refused request body read and discarded so the client sees the 413 (see swallow). */
    private static final long SWALLOW = 2L * 1024 * 1024;

    private final EndpointLimits limits;
    private final List<String> uploadPaths;
    private final List<String> updatePaths;
    private final long timeoutMillis;
    private final int regexMaxLength;
    private final QueryAdmission admission;
    private final List<String> datasets;

    private final List<String> watchedWrites;
    private final Runnable onWrite;
    private final java.util.function.Supplier<java.util.Optional<String>> writeRefusal;
    private final ClientWatch clientWatch = new ClientWatch(Duration.ofMillis(250));

    /**
     * The gate for the datasets served at these paths (each with {@code /data} and {@code /update}), whose queries
     * run with this timeout (named in the 503 problem). {@code onWrite} runs after a successful (2xx) write (an
     * update, or a Graph Store {@code POST}, {@code PUT}, {@code DELETE}) to the first dataset, once Fuseki has
     * committed it: caches of the data key their entries by the version it moves.
     */
    RequestGate(
            EndpointLimits limits,
            List<String> datasets,
            KgProperties.Sparql sparql,
            Runnable onWrite,
            QueryAdmission admission) {
        this(limits, datasets, sparql, onWrite, admission, java.util.Optional::empty);
    }

    /**
     * As above; while {@code writeRefusal} gives a reason (a read replica), a write to the first dataset (an update, or
     * a Graph Store {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) is answered 409 with it.
     */
    RequestGate(
            EndpointLimits limits,
            List<String> datasets,
            KgProperties.Sparql sparql,
            Runnable onWrite,
            QueryAdmission admission,
            java.util.function.Supplier<java.util.Optional<String>> writeRefusal) {
        this.writeRefusal = writeRefusal;
        this.limits = limits;
        this.admission = admission;
        this.datasets = List.copyOf(datasets);
        this.timeoutMillis = sparql.timeout().toMillis();
        this.regexMaxLength = sparql.regexMaxLength();
        this.uploadPaths = datasets.stream().map(d -> d + "/data").toList();
        this.updatePaths = datasets.stream().map(d -> d + "/update").toList();
        this.watchedWrites = List.of(datasets.get(0) + "/data", datasets.get(0) + "/update");
        this.onWrite = onWrite;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if ("TRACE".equals(request.getMethod()) || "TRACK".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
            refuse(response, 405, "Method not allowed", "TRACE is not served (it would echo the request back).");
            return;
        }
        String path = request.getRequestURI();
        if (path == null || suspiciousPath(path)) {
            refuse(
                    response,
                    400,
                    "Bad request path",
                    "Path segments must be plain: no '//', '.', ';' or encoded " + "'.', '/', '$'.");
            return;
        }
        String queryString = request.getQueryString();
        if (queryString != null && queryString.length() > limits.maxBody().toBytes()) {
            refuse(
                    response,
                    414,
                    "URI too long",
                    "The query string is longer than " + limits.maxBody()
                            + "; POST the query instead (bodies up to the same size).");
            return;
        }
        HttpServletRequest forward = request;
        String method = request.getMethod();
        String charset = unknownCharset(request.getHeader("Content-Type"));
        if (charset != null) {
            swallow(request.getInputStream(), SWALLOW, response);
            refuse(
                    response,
                    415,
                    "Unsupported charset",
                    "The character set " + plain(charset).replace("\"", "") + " is not supported; send UTF-8.");
            return;
        }
        if (!"GET".equals(method)
                && !"HEAD".equals(method)
                && !"OPTIONS".equals(method)
                && watchedWrites.contains(path)) {
            java.util.Optional<String> refusal = writeRefusal.get();
            if (refusal.isPresent()) {
                refuse(response, 409, "Read-only replica", "Write refused: " + plain(refusal.get()));
                return;
            }
        }
        boolean upload = uploadPaths.contains(path);
        String uploadRefusal = upload ? uploadRefusal(request) : null;
        if (uploadRefusal != null) {
            swallow(request.getInputStream(), SWALLOW, response);
            refuse(response, 415, "Unsupported upload", uploadRefusal);
            return;
        }
        if ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)) {
            long limit =
                    upload ? limits.maxUpload().toBytes() : limits.maxBody().toBytes();
            long declared = request.getContentLengthLong();
            byte[] body = declared > limit ? null : readAtMost(request.getInputStream(), limit);
            if (body == null) {
                swallow(request.getInputStream(), declared > limit + SWALLOW ? 0 : SWALLOW, response);
                refuse(response, 413, "Content too large", "The request body is larger than " + limit + " bytes.");
                return;
            }
            try {
                forward = new BufferedRequest(request, body);
            } catch (IllegalArgumentException e) {
                refuse(response, 400, "Bad request", "Malformed form encoding: " + e.getMessage());
                return;
            }
        }
        if (!upload) {
            String refusal = checkParameters(forward, response);
            if (refusal != null) {
                return;
            }
            refusal = checkSparql(forward, response);
            if (refusal != null) {
                return;
            }
            if (!updatePaths.contains(path) && !acceptable(forward)) {
                refuse(
                        response,
                        406,
                        "Not acceptable",
                        "No SPARQL result or RDF format matches the Accept header; "
                                + "ask for application/sparql-results+json, text/csv, text/turtle, ...");
                return;
            }
        }
        QueryAdmission.Permit permit = null;
        if (!"OPTIONS".equals(method) && underDataset(path)) {
            try {
                permit = admission.admit(request.getRemoteAddr());
            } catch (TooManyQueriesException e) {
                response.setHeader("Retry-After", TooManyQueriesException.RETRY_AFTER_SECONDS);
                refuse(response, 503, "Too many queries", e.getMessage());
                return;
            }
        }
        ClientWatch.Watched watch = upload ? null : clientWatch.watch(forward);
        GuardedResponse guarded = new GuardedResponse(response, timeoutMillis, watch);
        try {
            chain.doFilter(forward, guarded);
        } finally {
            if (permit != null) {
                permit.close();
            }
            if (watch != null) {
                watch.end();
                if (watch.pipelined() && !response.isCommitted()) {
                    response.setHeader("Connection", "close");
                }
            }
        }
        guarded.finish();
        if (!"GET".equals(method)
                && !"HEAD".equals(method)
                && !"OPTIONS".equals(method)
                && watchedWrites.contains(path)
                && response.getStatus() < 300) {
            onWrite.run();
        }
    }

    /**
     * Returns non-null (and has answered 400) for {@code callback} or {@code stylesheet} (Fuseki writes their values
     * into the response: JSONP and an XSLT reference, both ways to run a page's script or style on our answer), or
     * a {@code timeout} parameter that is not one Fuseki would read as meant: Fuseki ignores a malformed one
     * silently, and two of them are ambiguous. A well-formed one is capped later ({@link LimitedQueryService}).
     */
    private static String checkParameters(HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (String reflected : new String[] {"callback", "stylesheet"}) {
            if (request.getParameter(reflected) != null) {
                return refuse(
                        response,
                        400,
                        "Parameter not supported",
                        "The " + reflected + " parameter is not "
                                + "supported: its value would be written into the response.");
            }
        }
        String[] values = request.getParameterValues(ClientTimeout.PARAMETER);
        if (values == null) {
            return null;
        }
        if (values.length > 1) {
            return refuse(response, 400, "Bad timeout", "Give the timeout parameter once.");
        }
        try {
            ClientTimeout.parse(values[0]);
            return null;
        } catch (IllegalArgumentException e) {
            return refuse(response, 400, "Bad timeout", e.getMessage() + "; it can only shorten this service's limit.");
        }
    }

    private boolean underDataset(String path) {
        for (String d : datasets) {
            if (path.equals(d) || path.startsWith(d + "/")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        clientWatch.close();
    }

    /** Returns non-null (and has answered) when the query or update text is refused. */
    private String checkSparql(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getParameter("query");
        String update = request.getParameter("update");
        String contentType = baseType(request.getContentType());
        if (request instanceof BufferedRequest b) {
            if ("application/sparql-query".equals(contentType)) {
                query = b.text();
            } else if ("application/sparql-update".equals(contentType)) {
                update = b.text();
            }
        }
        for (String text : new String[] {query, update}) {
            if (text != null && NestingDepth.of(text) > limits.maxDepth()) {
                return refuse(
                        response,
                        400,
                        "Query too deeply nested",
                        "Brackets nest deeper than " + limits.maxDepth() + " levels.");
            }
        }
        try {
            if (query != null) {
                Optional<String> pattern =
                        DeadlineRegex.tooLongPattern(QueryFactory.create(query, Syntax.syntaxARQ), regexMaxLength);
                if (pattern.isPresent()) {
                    return refuse(
                            response,
                            400,
                            "Regular expression too long",
                            "A pattern is " + pattern.get().length() + " characters long; at most " + regexMaxLength
                                    + " are allowed.");
                }
            }
        } catch (QueryParseException e) {
            return null; // Fuseki answers 400 with the parser's message
        } catch (StackOverflowError e) {
            return refuse(response, 400, "Query too deeply nested", "The query nests too deeply to parse.");
        } catch (RuntimeException e) {
            return null; // anything else the parser rejects is Fuseki's to report
        }
        try {
            if (update != null) {
                UpdateRequest u = UpdateFactory.create(update, Syntax.syntaxARQ);
                if (u.getOperations().stream().anyMatch(UpdateLoad.class::isInstance)) {
                    return refuse(
                            response,
                            403,
                            "LOAD is not allowed",
                            "This service does not fetch URLs or "
                                    + "read files for updates; send the data with the Graph Store Protocol (/kg/data).");
                }
            }
        } catch (QueryParseException e) {
            // Refused here, not passed on: Fuseki parses updates as a stream and runs each operation as it is
            // read, so the operations before a syntax error (a LOAD among them) would run before its 400.
            return refuse(response, 400, "Malformed update", "The update does not parse: " + plain(e.getMessage()));
        } catch (StackOverflowError e) {
            return refuse(response, 400, "Query too deeply nested", "The query nests too deeply to parse.");
        } catch (RuntimeException e) {
            return null; // anything else the parser rejects is Fuseki's to report
        }
        return null;
    }

    /**
     * Why an upload to {@code /data} is refused (see the class comment), or null: a {@code Content-Encoding}, a
     * multipart body, or RDF Thrift or RDF Protobuf.
     */
    static String uploadRefusal(HttpServletRequest request) {
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.strip())) {
            return "Compressed uploads are not accepted (their size limit would hold only on the wire, not for what "
                    + "they expand to); send the body uncompressed.";
        }
        String type = baseType(request.getHeader("Content-Type"));
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

    /** The {@code charset} parameter of {@code contentType} when this JVM has no such character set; else null. */
    static String unknownCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        try {
            return Charset.isSupported(name) ? null : name;
        } catch (IllegalCharsetNameException e) {
            return name;
        }
    }

    /** RDF Thrift or RDF Protobuf by the Content-Type (the formats whose parsers do not notice a corrupt body). */
    static boolean binaryRdf(String contentType) {
        String base = baseType(contentType);
        if (base == null) {
            return false;
        }
        Lang lang = RDFLanguages.contentTypeToLang(base);
        return Lang.RDFTHRIFT.equals(lang) || Lang.RDFPROTO.equals(lang);
    }

    private static boolean acceptable(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null
                || accept.isBlank()
                || request.getParameter("output") != null
                || request.getParameter("format") != null
                || request.getParameter("results") != null) {
            return true;
        }
        try {
            return AcceptList.match(new AcceptList(accept), OFFERS) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static AcceptList offers() {
        List<MediaRange> all = new ArrayList<>();
        for (AcceptList l :
                new AcceptList[] {DEF.rsOfferTable, DEF.rsOfferBoolean, DEF.constructOffer, DEF.quadsOffer, DEF.rdfOffer
                }) {
            all.addAll(l.entries());
        }
        return new AcceptList(all);
    }

    static boolean suspiciousPath(String rawPath) {
        String p = rawPath.toLowerCase(Locale.ROOT);
        return p.contains("//")
                || p.contains(";")
                || p.contains("/./")
                || p.contains("/../")
                || p.endsWith("/.")
                || p.endsWith("/..")
                || p.contains("%2e")
                || p.contains("%2f")
                || p.contains("%24")
                || p.contains("%5c")
                || p.contains("\\")
                || p.contains("%25");
    }

    /**
     * Reads and discards up to {@code max} more bytes of a refused body, so a client still sending it gets to read the
     * refusal instead of a reset connection (as Tomcat's {@code maxSwallowSize}, 2 MB, does); a longer body is left
     * unread and the connection closed after the refusal.
     */
    private static void swallow(InputStream in, long max, HttpServletResponse response) throws IOException {
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

    private static String baseType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** A parser message made safe for the JSON string {@link #refuse} writes: one line, no backslashes, short. */
    private static String plain(String message) {
        String s = message == null
                ? ""
                : message.replaceAll("[\\\\\\p{Cntrl}\\s]+", " ").strip();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static String refuse(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        problem(response, status, title, detail);
        return title;
    }

    /** Writes a small RFC 9457 problem body ({@code title} and {@code detail} must hold no backslash). */
    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail.replace("\"", "'") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        // The stream, not the writer: a timed-out Fuseki response has already asked for the stream.
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The request with its body read into memory; form fields parsed here because Jetty cannot re-read them. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;
        private final Charset charset;
        private final Map<String, String[]> params;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
            String enc = request.getCharacterEncoding();
            this.charset = enc == null || !Charset.isSupported(enc) ? StandardCharsets.UTF_8 : Charset.forName(enc);
            if (FORM.equals(baseType(request.getContentType()))) {
                Map<String, List<String>> p = new LinkedHashMap<>();
                parse(request.getQueryString(), p);
                parse(new String(body, charset), p);
                Map<String, String[]> m = new LinkedHashMap<>();
                p.forEach((k, v) -> m.put(k, v.toArray(String[]::new)));
                this.params = Collections.unmodifiableMap(m);
            } else {
                this.params = null;
            }
        }

        private void parse(String encoded, Map<String, List<String>> into) {
            if (encoded == null || encoded.isEmpty()) {
                return;
            }
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
                into.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }

        String text() {
            return new String(body, charset);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getParameter(String name) {
            if (params == null) {
                return super.getParameter(name);
            }
            String[] v = params.get(name);
            return v == null ? null : v[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return params == null ? super.getParameterMap() : params;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return params == null ? super.getParameterNames() : Collections.enumeration(params.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return params == null ? super.getParameterValues(name) : params.get(name);
        }
    }
}
