package org.cikg.fuseki;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The small RFC 9457 {@code application/problem+json} bodies the gate and {@link GuardedResponse} write themselves
 * (they answer before Spring's one exception-to-status advice could see the request).
 */
final class ProblemBody {
    private ProblemBody() {}

    /** Writes a problem body ({@code title} and {@code detail} must hold no backslash: see {@link #plain}). */
    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
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

    /** A parser message made safe for the JSON string {@link #write} writes: one line, no backslashes, short. */
    static String plain(String message) {
        String s = message == null
                ? ""
                : message.replaceAll("[\\\\\\p{Cntrl}\\s]+", " ").strip();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
