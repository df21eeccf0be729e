package org.cikg.sparql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.cikg.config.KgProperties;
import org.cikg.problem.UnknownQueryException;
import org.springframework.stereotype.Component;

/**
 * Every {@code .rq} file below the queries folder, parsed once at start-up. A file that does not parse, or whose
 * header is malformed, stops start-up with its name and the parser's line and column; so does a missing
 * {@link SystemQuery} (a query the service asks for by name).
 *
 * <p>Header format (comment lines at the top of the file):
 * <pre>
 * # title: Policy beneficiaries
 * # description: Which organisations benefited from a policy, with certainty and source.
 * # param: policy entity required  The policy: a slug (eagle-project) or an IRI in https://w3id.org/cikg/id/
 * # example: policy=eagle-project
 * </pre>
 */
@Component
public class QueryCatalog {
    static final Set<String> PARAM_TYPES = Set.of("entity", "iri", "year", "lang", "class", "int", "string");
    private static final Pattern HEADER = Pattern.compile("^#\\s*(title|description|param|example)\\s*:\\s*(.*)$");
    private static final Pattern PARAM = Pattern.compile("^(\\w+)\\s+(\\w+)(\\s+(required|optional))?\\s*(.*)$");

    private final Map<String, CatalogQuery> queries;

    @org.springframework.beans.factory.annotation.Autowired
    public QueryCatalog(KgProperties props) {
        this(props.sparql().queries());
    }

    public QueryCatalog(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException(
                    "Query folder " + folder.toAbsolutePath() + " not found (kg.sparql.queries)");
        }
        Map<String, CatalogQuery> found = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p :
                    walk.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
                String name = folder.relativize(p).toString().replace('\\', '/').replaceFirst("\\.rq$", "");
                found.put(name, parse(name, p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.queries = Map.copyOf(found);
        List<String> missing = java.util.Arrays.stream(SystemQuery.values())
                .map(SystemQuery::path)
                .filter(name -> !queries.containsKey(name))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Query catalogue " + folder.toAbsolutePath() + " is missing "
                    + missing.stream().map(n -> n + ".rq").toList() + ": the service asks for these by name");
        }
    }

    private static CatalogQuery parse(String name, Path file) throws IOException {
        String text = Files.readString(file);
        String title = null;
        StringBuilder description = new StringBuilder();
        String example = "";
        List<CatalogQuery.Param> params = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.startsWith("#")) {
                if (line.isBlank()) {
                    continue;
                }
                break;
            }
            Matcher m = HEADER.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String value = m.group(2).strip();
            switch (m.group(1)) {
                case "title" -> title = value;
                case "description" ->
                    description.append(description.isEmpty() ? "" : " ").append(value);
                case "example" -> example = value;
                case "param" -> {
                    Matcher pm = PARAM.matcher(value);
                    if (!pm.matches() || !PARAM_TYPES.contains(pm.group(2))) {
                        throw new IllegalStateException(file + ": bad param header '" + value + "' (want: name type "
                                + "[required|optional] description; types " + PARAM_TYPES + ")");
                    }
                    if (pm.group(1).equals("format")) {
                        throw new IllegalStateException(file + ": 'format' is not a parameter name a query may declare "
                                + "(the REST API and the graph export take it for the answer's format)");
                    }
                    params.add(new CatalogQuery.Param(
                            pm.group(1),
                            pm.group(2),
                            "required".equals(pm.group(4)),
                            pm.group(5).strip()));
                }
                default -> {}
            }
        }
        if (title == null) {
            throw new IllegalStateException(file + ": header has no '# title:' line");
        }
        Query query;
        try {
            query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            throw new IllegalStateException(file + ":" + e.getLine() + ":" + e.getColumn() + ": " + e.getMessage(), e);
        }
        for (CatalogQuery.Param p : params) {
            if (!query.getQueryPattern().toString().contains("?" + p.name())
                    && query.getProjectVars().stream()
                            .noneMatch(v -> v.getVarName().equals(p.name()))) {
                throw new IllegalStateException(file + ": param '" + p.name() + "' is not a variable of the query");
            }
        }
        return new CatalogQuery(name, title, description.toString(), List.copyOf(params), example, text, query);
    }

    /** A query the service asks for by name: always there, as the catalogue checked when it was created. */
    public CatalogQuery get(SystemQuery q) {
        return queries.get(q.path());
    }

    /**
     * The query of that name; {@link UnknownQueryException} if there is none. For names the code does not know in
     * advance (tests, tools); the service's own names are {@link SystemQuery} constants.
     */
    public CatalogQuery get(String name) {
        return find(name).orElseThrow(() -> new UnknownQueryException(name));
    }

    /** The query of that name, if the catalogue has one (a name from a request). */
    public Optional<CatalogQuery> find(String name) {
        return Optional.ofNullable(queries.get(name));
    }

    /** The queries users see, by name. */
    public List<CatalogQuery> publicQueries() {
        return queries.values().stream()
                .filter(q -> !q.internal())
                .sorted(java.util.Comparator.comparing(CatalogQuery::name))
                .toList();
    }

    public Collection<CatalogQuery> all() {
        return queries.values();
    }
}
