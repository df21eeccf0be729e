package org.cikg.fuseki;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gate's first checks, on the request line and headers only (nothing read from the body yet): {@code TRACE} (405),
 * a path with {@code //}, dot segments, {@code ;} or encoded dots, slashes or {@code $} (400), a query string longer
 * than the body limit (414), and a {@code Content-Type} naming a character set this JVM does not know (415).
 */
final class RequestLineRules {
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]*)");

    private final EndpointLimits limits;

    RequestLineRules(EndpointLimits limits) {
        this.limits = limits;
    }

    /** True when the request was refused (and the problem written). */
    boolean refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("TRACE".equals(request.getMethod()) || "TRACK".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
            ProblemBody.write(
                    response, 405, "Method not allowed", "TRACE is not served (it would echo the request back).");
            return true;
        }
        String path = request.getRequestURI();
        if (path == null || suspiciousPath(path)) {
            ProblemBody.write(
                    response,
                    400,
                    "Bad request path",
                    "Path segments must be plain: no '//', '.', ';' or encoded " + "'.', '/', '$'.");
            return true;
        }
        String queryString = request.getQueryString();
        if (queryString != null && queryString.length() > limits.maxBody().toBytes()) {
            ProblemBody.write(
                    response,
                    414,
                    "URI too long",
                    "The query string is longer than " + limits.maxBody()
                            + "; POST the query instead (bodies up to the same size).");
            return true;
        }
        String charset = unknownCharset(request.getHeader("Content-Type"));
        if (charset != null) {
            BodyIntake.swallow(request.getInputStream(), BodyIntake.SWALLOW, response);
            ProblemBody.write(
                    response,
                    415,
                    "Unsupported charset",
                    "The character set " + ProblemBody.plain(charset).replace("\"", "")
                            + " is not supported; send UTF-8.");
            return true;
        }
        return false;
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

    /** The media type of a {@code Content-Type} without its parameters, lower case; null for null. */
    static String baseType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
