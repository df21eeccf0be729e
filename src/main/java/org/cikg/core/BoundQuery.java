package org.cikg.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.expr.E_Bound;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * The one way a parsed query with values bound as RDF terms becomes SPARQL text. Values are never pasted into text:
 * they are set into a copy of the parsed query, which is then serialised. Two forms, for two readers:
 * <ul>
 *   <li>{@link #substituted}: each variable replaced by its term, exactly as the embedded runner's
 *       {@code substitution(var, node)} binds it, in a form that serialises to valid SPARQL ({@code BOUND(?v)} of a
 *       substituted variable becomes {@code true}; {@code ORDER BY} a constant is dropped). For a store that gets the
 *       query as text (a remote store) and for "open this page's query as SPARQL".</li>
 *   <li>{@link #withValues}: a {@code VALUES} block binding the terms at the head of the WHERE group, the query
 *       otherwise unchanged. For worked examples a person edits: {@code GROUP BY ?v} stays valid (a bare IRI there is
 *       not), and the {@code VALUES} line shows which values to change.</li>
 * </ul>
 *
 * <pre>{@code
 * String text = BoundQuery.text(q.query(), Map.of("entity", NodeFactory.createURI(Namespaces.KGID + "deepseek")));
 * }</pre>
 */
public final class BoundQuery {
    private BoundQuery() {}

    /** The query with each bound variable replaced by its term; the query itself is left unchanged. */
    public static Query substituted(Query query, Map<String, Node> bindings) {
        if (bindings.isEmpty()) {
            return query;
        }
        Map<Var, Node> values = new HashMap<>();
        bindings.forEach((name, node) -> values.put(Var.alloc(name), node));
        Query substituted = QueryTransformOps.transform(query, values);
        Query text = QueryTransformOps.transform(substituted, new ElementTransformCopyBase(), new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunction1 func, Expr arg) {
                if (func instanceof E_Bound && arg.isConstant()) {
                    return NodeValue.TRUE;
                }
                return super.transform(func, arg);
            }
        });
        // Sorting by a constant does nothing, and ORDER BY <iri> is not in the grammar.
        if (text.getOrderBy() != null) {
            text.getOrderBy().removeIf(sc -> sc.getExpression().isConstant());
        }
        return text;
    }

    /** {@link #substituted} as SPARQL text. */
    public static String text(Query query, Map<String, Node> bindings) {
        return substituted(query, bindings).serialize();
    }

    /** A copy of the query with a {@code VALUES} block binding the terms at the head of its WHERE group. */
    public static Query withValues(Query query, Map<String, Node> bindings) {
        Query copy = query.cloneQuery();
        if (bindings.isEmpty()) {
            return copy;
        }
        List<Var> vars = new ArrayList<>();
        bindings.keySet().forEach(name -> vars.add(Var.alloc(name)));
        vars.sort(Comparator.comparing(Var::getVarName));
        BindingBuilder row = BindingFactory.builder();
        vars.forEach(v -> row.add(v, bindings.get(v.getVarName())));
        ElementData data = new ElementData(vars, List.of(row.build()));
        ElementGroup group = new ElementGroup();
        group.addElement(data);
        if (copy.getQueryPattern() instanceof ElementGroup original) {
            original.getElements().forEach(group::addElement);
        } else {
            group.addElement(copy.getQueryPattern());
        }
        copy.setQueryPattern(group);
        return copy;
    }
}
