package org.cikg.explain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.expr.E_NotExists;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformer;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.cikg.sparql.CatalogQuery;

/**
 * The inference rules ({@code queries/inference/*.ru}, file-name order) read for walking backwards. Each rule file
 * is one SPARQL Update {@code INSERT { GRAPH <inferred> { conclusion } } WHERE { body }} with a
 * {@code # description:} line in its header saying in one line what it does; a rule without one stops start-up.
 *
 * <p>For each rule this keeps the conclusion's triple pattern, the body as a {@code SELECT *} (and an {@code ASK})
 * and the body's triple patterns. The body's {@code FILTER NOT EXISTS} is left out: in every rule it only keeps the
 * rule from adding a triple that is already there, and the triple being explained is.
 */
public final class InferenceRules {
    private static final Pattern DESCRIPTION = Pattern.compile("^#\\s*description\\s*:\\s*(.+)$");

    private final List<Rule> rules;

    /**
     * One rule.
     *
     * @param name        the file's name without {@code .ru} ({@code 40-transitive})
     * @param file        its path as the project names it ({@code queries/inference/40-transitive.ru})
     * @param description its {@code # description:} line
     * @param conclusions the triple patterns its INSERT writes
     * @param body        its WHERE clause as a {@code SELECT *}, request values bound into it as terms
     * @param applies     the same body as an {@code ASK}
     * @param patterns    the body's triple patterns and paths, every branch; instantiated with an answer they are
     *                    the facts the rule used
     */
    public record Rule(
            String name,
            String file,
            String description,
            List<Triple> conclusions,
            CatalogQuery body,
            CatalogQuery applies,
            List<TriplePath> patterns) {}

    private InferenceRules(List<Rule> rules) {
        this.rules = rules;
    }

    /** The rules of {@code queriesFolder/inference}; none when the folder does not exist. */
    public static InferenceRules fromQueries(Path queriesFolder) {
        Path folder = queriesFolder.resolve("inference");
        if (!Files.isDirectory(folder)) {
            return new InferenceRules(List.of());
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Rule> rules = new ArrayList<>();
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".ru")).sorted().toList()) {
                rules.add(parse(p, Files.readString(p)));
            }
            return new InferenceRules(List.copyOf(rules));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Rule> rules() {
        return rules;
    }

    static Rule parse(Path file, String text) {
        String fileName = file.getFileName().toString();
        String name = fileName.replaceFirst("\\.ru$", "");
        String description = null;
        for (String line : text.split("\\R")) {
            Matcher m = DESCRIPTION.matcher(line.strip());
            if (m.matches()) {
                description = m.group(1).strip();
                break;
            }
        }
        if (description == null) {
            throw new IllegalStateException(file + ": an inference rule needs a '# description:' line in its header "
                    + "(one line saying what it adds; explanations quote it)");
        }
        UpdateRequest request = UpdateFactory.create(text);
        Update only =
                request.getOperations().size() == 1 ? request.getOperations().get(0) : null;
        if (!(only instanceof UpdateModify modify)
                || !modify.getDeleteQuads().isEmpty()
                || modify.getInsertQuads().isEmpty()) {
            throw new IllegalStateException(String.format(
                    "%s: an inference rule must be one update that adds triples " + "and removes none", file));
        }
        List<Triple> conclusions =
                modify.getInsertQuads().stream().map(Quad::asTriple).toList();
        Element body = withoutNotExists(modify.getWherePattern());
        Query select = new Query();
        select.setQuerySelectType();
        select.setQueryResultStar(true);
        select.setQueryPattern(body);
        select.setPrefixMapping(request.getPrefixMapping());
        Query ask = select.cloneQuery();
        ask.setQueryAskType();
        String path = "queries/inference/" + fileName;
        CatalogQuery selectQuery =
                new CatalogQuery("inference/" + name, name, description, List.of(), "", select.serialize(), select);
        CatalogQuery askQuery =
                new CatalogQuery("inference/" + name, name, description, List.of(), "", ask.serialize(), ask);
        return new Rule(name, path, description, conclusions, selectQuery, askQuery, patterns(body));
    }

    /** The body without its {@code FILTER NOT EXISTS} guards. */
    private static Element withoutNotExists(Element where) {
        return ElementTransformer.transform(where, new ElementTransformCopyBase() {
            @Override
            public Element transform(ElementGroup group, List<Element> members) {
                ElementGroup out = new ElementGroup();
                for (Element e : members) {
                    if (!(e instanceof ElementFilter f && f.getExpr() instanceof E_NotExists)) {
                        out.addElement(e);
                    }
                }
                return out;
            }
        });
    }

    private static List<TriplePath> patterns(Element body) {
        List<TriplePath> out = new ArrayList<>();
        ElementWalker.walk(body, new ElementVisitorBase() {
            @Override
            public void visit(ElementPathBlock el) {
                el.patternElts().forEachRemaining(out::add);
            }

            @Override
            public void visit(ElementTriplesBlock el) {
                el.patternElts().forEachRemaining(t -> out.add(new TriplePath(t)));
            }
        });
        return List.copyOf(out);
    }
}
