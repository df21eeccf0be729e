package org.cikg.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import org.cikg.sparql.CatalogQuery;

/** Paths of the catalogue API, relative to the service root; the home page links to them too. */
public final class QueryLinks {
    public static final String BASE = "/api/queries";

    private QueryLinks() {}

    /** {@code /api/queries/{name}}: runs the query. */
    public static String run(CatalogQuery q) {
        return BASE + "/" + q.name();
    }

    /** {@code /api/queries/{name}.rq}: the query's text. */
    public static String source(CatalogQuery q) {
        return BASE + "/" + q.name() + ".rq";
    }

    /** The query's {@code # example:} call as a path with an encoded query string, or the plain path if it has none. */
    public static String example(CatalogQuery q) {
        if (q.example() == null || q.example().isBlank()) {
            return run(q);
        }
        StringJoiner qs = new StringJoiner("&");
        for (String pair : q.example().split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            qs.add(enc(name.strip()) + "=" + enc(value.strip()));
        }
        return run(q) + "?" + qs;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
