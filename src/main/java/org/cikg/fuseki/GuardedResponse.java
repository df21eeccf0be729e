package org.cikg.fuseki;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Serial;

/**
 * The response Fuseki writes into, as {@link RequestGate} hands it on. It makes sure a client can never take a cut
 * result for a whole one:
 * <ul>
 *   <li><b>Cut after the first bytes went out.</b> Fuseki 5.6.0 streams results; when the query timeout fires
 *       mid-stream it sets an error status (400) on the already committed 200, appends a
 *       {@code ## Incomplete results ##} comment and ends the response normally, so the body looks complete (curl
 *       exits 0). Here an error status after commit
 *       marks the response as cut: what Fuseki writes after that is dropped, and {@link #finish()} throws, which makes
 *       Jetty abort the connection without the terminating zero-length chunk. Every HTTP/1.1 client then reports an
 *       incomplete body (curl exit 18, Java's HttpClient an {@link IOException}, a browser's {@code fetch} a
 *       network error).</li>
 *   <li><b>Timed out before anything was sent</b> (503 before the first row, or Fuseki's 400 for a cancelled
 *       result whose rows are still in the response buffer): the buffered rows are discarded and {@link #finish()}
 *       answers 503, an RFC 9457 problem with {@code Retry-After}, instead of Fuseki's plain-text message (or a 400
 *       holding half a result and the comment).</li>
 *   <li><b>Text without a charset.</b> A text type Fuseki sends without one gets {@code charset=utf-8}
 *       ({@link #withCharset}), so browsers decode non-Latin names.</li>
 *   <li><b>Error messages echoing non-ASCII text.</b> Fuseki sets {@code Content-Length} to the message's length in
 *       characters, not bytes; the body then overflows the declared length and Jetty turns the 4xx into a 500 with a
 *       broken connection. For error statuses the declared length is dropped and Jetty frames the body itself.</li>
 * </ul>
 * No HTTP trailer is used: a trailer travels in the final chunk, which a cut response must not send, and common
 * clients do not surface trailers anyway.
 */
final class GuardedResponse extends HttpServletResponseWrapper {
    static final String RETRY_AFTER_SECONDS = "5";

    private final long timeoutMillis;
    private final ClientWatch.Watched watch;
    private boolean cut;
    private boolean timedOut;
    private int failedStatus;
    private GuardedStream stream;

    /** {@code watch} (may be null) stops at the first byte written: from then on a closed connection fails writes. */
    GuardedResponse(HttpServletResponse response, long timeoutMillis, ClientWatch.Watched watch) {
        super(response);
        this.timeoutMillis = timeoutMillis;
        this.watch = watch;
    }

    /** Before the first byte goes to the container: the connection watch ends, its verdict on keep-alive applies. */
    private void firstWrite() {
        if (watch != null) {
            watch.stop();
            if (watch.pipelined() && !isCommitted()) {
                super.setHeader("Connection", "close");
            }
        }
    }

    /** Thrown from the filter once a committed response has been cut; Jetty aborts the connection on it. */
    static final class ResultCutException extends IOException {
        @Serial
        private static final long serialVersionUID = 1L;

        ResultCutException(int status) {
            super("Result cut after the response was committed (Fuseki set status " + status
                    + "); connection aborted so the client sees an incomplete body");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // an expected outcome, logged by Jetty: the stack says nothing
        }
    }

    @Override
    public void setStatus(int sc) {
        if (cut || timedOut) {
            return; // the outcome is settled; Fuseki may still report a follow-up error
        }
        if (sc >= 400) {
            if (isCommitted()) {
                cut = true;
                failedStatus = sc;
                return;
            }
            boolean midResult = stream != null;
            // Rows already buffered belong to a result that will not complete.
            super.resetBuffer();
            // Fuseki 5.6.0 marks a result cancelled while being written with 400 (later versions with 503, which
            // it also uses for a timeout before the first row). Its bad-request checks all come before it asks for
            // the output stream, so a 400 once the result writer holds the stream is that cancel.
            // Any server error after this service aborted the query (its deadline, its client gone) is the abort's
            // doing (see RunningQueries.Running): the query was stopped, as by the timeout.
            if (sc == 503 || midResult && sc == 400 || sc >= 500 && watch != null && watch.stoppedHere()) {
                timedOut = true;
                super.setStatus(503);
                return;
            }
        }
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        setStatus(sc);
        if (!cut && !timedOut) {
            super.sendError(sc, msg);
        }
    }

    @Override
    public void sendError(int sc) throws IOException {
        setStatus(sc);
        if (!cut && !timedOut) {
            super.sendError(sc);
        }
    }

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        if (getStatus() < 400 && !cut) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void setContentType(String type) {
        if (!cut && !timedOut) {
            super.setContentType(withCharset(type));
        }
    }

    @Override
    public void setHeader(String name, String value) {
        super.setHeader(name, "Content-Type".equalsIgnoreCase(name) ? withCharset(value) : value);
    }

    /**
     * Fuseki writes every text format in UTF-8 but names no charset for some (Turtle, N-Triples, TriG, N-Quads): a
     * browser opening a CONSTRUCT then decodes the bytes as windows-1252 and Arabic, Chinese and Russian names turn
     * into mojibake. Such a type gets {@code ;charset=utf-8}; one that names a charset is left as it is.
     */
    static String withCharset(String type) {
        if (type == null || type.toLowerCase(java.util.Locale.ROOT).contains("charset=")) {
            return type;
        }
        String base = type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        boolean text = base.startsWith("text/")
                || base.equals("application/n-triples")
                || base.equals("application/n-quads")
                || base.equals("application/trig")
                || base.equals("application/ld+json")
                || base.endsWith("+json")
                || base.endsWith("+xml")
                || base.equals("application/json")
                || base.equals("application/xml");
        return text ? type + ";charset=utf-8" : type;
    }

    @Override
    public void setCharacterEncoding(String charset) {
        if (!cut && !timedOut) {
            super.setCharacterEncoding(charset);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new GuardedStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (cut || timedOut) {
            return new PrintWriter(OutputStream.nullOutputStream());
        }
        return super.getWriter();
    }

    /**
     * Called by the gate after Fuseki returns: throws {@link ResultCutException} for a cut response, writes the
     * timeout problem for one that timed out before commit, and does nothing otherwise.
     */
    void finish() throws IOException {
        if (cut) {
            throw new ResultCutException(failedStatus);
        }
        if (timedOut && !isCommitted()) {
            HttpServletResponse r = (HttpServletResponse) getResponse();
            r.resetBuffer();
            r.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            ProblemBody.write(
                    r,
                    503,
                    "Query timed out",
                    "The query ran past the " + timeoutMillis
                            + " ms limit and was stopped; narrow it (LIMIT, more specific patterns) or try again later.");
        }
    }

    /** Passes bytes on until the response is cut or has timed out; never closes the real stream in those cases. */
    private final class GuardedStream extends ServletOutputStream {
        private final ServletOutputStream out;
        private boolean written;

        GuardedStream(ServletOutputStream out) {
            this.out = out;
        }

        private boolean dropping() {
            if (!written) {
                written = true;
                firstWrite();
            }
            return cut || timedOut;
        }

        @Override
        public void write(int b) throws IOException {
            if (!dropping()) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!dropping()) {
                out.write(b, off, len);
            }
        }

        /**
         * The container's stream encodes text in the response's charset; the base class would refuse any character
         * outside ISO-8859-1 (Fuseki prints its error messages with this, and they may echo the query).
         */
        @Override
        public void print(String s) throws IOException {
            if (!dropping()) {
                out.print(s);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!dropping()) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            // Closing the container's stream completes the response (final chunk included): not for a cut one.
            if (!dropping()) {
                out.close();
            }
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
