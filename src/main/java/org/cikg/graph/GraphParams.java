package org.cikg.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.jena.graph.Node;
import org.cikg.problem.BadRequestException;
import org.cikg.sparql.Terms;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/** The parameters of the graph exports read into values, each refused with a 400 that names it. */
final class GraphParams {
    static final int MAX_LIST = 50;

    private GraphParams() {}

    /** The format {@code format=} names, else the one {@code Accept} asks for (406 when none). */
    static GraphFormat format(String format, String accept) throws HttpMediaTypeNotAcceptableException {
        if (format != null && !format.isBlank()) {
            return GraphFormat.byParam(format)
                    .orElseThrow(() -> new BadRequestException(
                            "Parameter 'format' must be one of cytoscape, graphml, gexf, jsonld, turtle"));
        }
        return GraphFormat.negotiate(accept)
                .orElseThrow(() -> new HttpMediaTypeNotAcceptableException(java.util.Arrays.stream(GraphFormat.values())
                        .map(GraphFormat::contentType)
                        .toList()));
    }

    static Integer year(String param, String value) {
        return Integer.valueOf(Terms.year(param, value).getLiteralLexicalForm());
    }

    static boolean bool(String param, String value) {
        if (value == null) {
            return true;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new BadRequestException("Parameter '" + param + "' must be true or false");
        };
    }

    static Set<Node> terms(String param, List<String> values) {
        return termsOf(param, split(values), Terms::ontologyTerm);
    }

    private static Set<Node> termsOf(String param, List<String> values, BiFunction<String, String, Node> parse) {
        if (values.size() > MAX_LIST) {
            throw new BadRequestException("Parameter '" + param + "' lists too many items: at most " + MAX_LIST);
        }
        Set<Node> out = new LinkedHashSet<>();
        values.forEach(v -> out.add(parse.apply(param, v)));
        return out;
    }

    /** Repeated parameters and comma-separated lists alike ({@code types=City,Province}). */
    static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        if (out.size() > MAX_LIST) {
            throw new BadRequestException("A list parameter has too many items: at most " + MAX_LIST);
        }
        return out;
    }
}
