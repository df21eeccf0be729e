package org.cikg.sparql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;
import org.cikg.sparql.DeadlineFunctions.MatchFunction;
import org.cikg.sparql.DeadlineFunctions.ReplaceFunction;
import org.cikg.sparql.DeadlineFunctions.Split;
import org.cikg.sparql.DeadlineMatching.Match;
import org.cikg.sparql.DeadlineMatching.Replace;

/**
 * Regular expressions that stop at the query's deadline, for every way a query can run one in Jena 5.6.0:
 * {@code REGEX} and {@code REPLACE}, their function forms {@code fn:matches}, {@code fn:replace},
 * {@code sparql:regex}, {@code sparql:replace}, and the property function {@code apf:strSplit}.
 *
 * <p>ARQ matches with {@code java.util.regex} on the plain string ({@code RegexEngine.RegexJava}; the
 * {@code arq:regexImpl} symbol only chooses between that and Xerces, both backtracking, and is read once for the
 * whole JVM), and no ARQ hook hands a regex the execution it runs in. So here, installed in a dataset's context by
 * {@link #install}:
 * <ul>
 *   <li>an optimizer ({@code ARQConstants.sysOptimizerFactory}, ARQ's per-context hook) that first replaces
 *       {@link E_Regex} and {@link E_StrReplace} in the algebra by {@link Match} and {@link Replace}, then runs
 *       ARQ's standard optimizer. They match on a {@link DeadlineText} that reads the execution's cancel flag
 *       (raised by the timeout and by an abort), so catastrophic backtracking ends at the limit. They are never
 *       evaluated while the query is planned (constant folding), where nothing could stop them;</li>
 *   <li>a function registry ({@code ARQConstants.registryFunctions}) with the function forms mapped to the same
 *       matching, and a property-function registry with {@code apf:strSplit} splitting the same way. Neither loads
 *       classes named by a {@code java:} IRI (or by a name in ARQ's function libraries) on demand, as ARQ's own do:
 *       that would reach ARQ's own regex functions around these;</li>
 *   <li>a cap on a pattern's length: {@link #tooLongPattern} finds a constant one over the cap in a query (the
 *       endpoints and the graph export answer 400), and a pattern computed at run time over it is an evaluation
 *       error (a {@code FILTER} is false, a {@code BIND} unbound).</li>
 * </ul>
 * This class wires them in; the matching itself is {@link DeadlineMatching}, the function forms
 * {@link DeadlineFunctions}.
 */
public final class DeadlineRegex {
    static final String STR_SPLIT = ARQConstants.ARQPropertyFunctionLibraryURI + "strSplit";
    private static final List<String> MATCH_IRIS =
            List.of(ARQConstants.fnPrefix + "matches", ARQConstants.sparqlPrefix + "regex");
    private static final List<String> REPLACE_IRIS =
            List.of(ARQConstants.fnPrefix + "replace", ARQConstants.sparqlPrefix + "replace");
    /** ARQ's property functions loaded by name from its library (none of them uses a regex but strSplit). */
    private static final List<String> PROPERTY_LIBRARY = List.of(
            "alt", "assign", "bag", "blankNode", "bnode", "concat", "container", "seq", "splitIRI", "splitURI", "str");

    private DeadlineRegex() {}

    /** Puts the optimizer and the two registries in {@code context}, with patterns capped at {@code maxLength}. */
    public static void install(Context context, int maxLength) {
        RewriteFactory std = Optimize.getFactory();
        RewriteFactory ours = cxt -> {
            Rewrite next = std.create(cxt);
            return op -> next.rewrite(Transformer.transform(new TransformCopy(), new Exprs(maxLength), op));
        };
        context.set(ARQConstants.sysOptimizerFactory, ours);

        FunctionRegistry functions = new RegisteredFunctions(FunctionRegistry.get());
        MATCH_IRIS.forEach(iri -> functions.put(iri, uri -> new MatchFunction(maxLength)));
        REPLACE_IRIS.forEach(iri -> functions.put(iri, uri -> new ReplaceFunction(maxLength)));
        FunctionRegistry.set(context, functions);

        PropertyFunctionRegistry properties = new RegisteredPropertyFunctions(PropertyFunctionRegistry.get());
        for (String name : PROPERTY_LIBRARY) {
            properties.put(
                    ARQConstants.ARQPropertyFunctionLibraryURI + name,
                    pfunctionClass(ARQConstants.ARQPropertyFunctionLibrary + name));
        }
        properties.put(STR_SPLIT, uri -> new Split(maxLength));
        PropertyFunctionRegistry.set(context, properties);
    }

    private static Class<?> pfunctionClass(String javaIri) {
        try {
            return Class.forName(javaIri.substring(ARQConstants.javaClassURIScheme.length()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("ARQ's property function library lacks " + javaIri, e);
        }
    }

    /**
     * The first constant pattern in {@code query} (of {@code REGEX}, {@code REPLACE} or their function forms) longer
     * than {@code maxLength} characters, if any.
     */
    public static Optional<String> tooLongPattern(Query query, int maxLength) {
        Op op = Algebra.compile(query);
        List<String> found = new ArrayList<>();
        Walker.walk(op, new OpVisitorBase(), new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN func) {
                boolean regex = func instanceof E_Regex
                        || func instanceof E_StrReplace
                        || func instanceof E_Function f
                                && (MATCH_IRIS.contains(f.getFunctionIRI())
                                        || REPLACE_IRIS.contains(f.getFunctionIRI()));
                if (regex
                        && func.numArgs() >= 2
                        && func.getArg(2).isConstant()
                        && func.getArg(2).getConstant().isString()
                        && func.getArg(2).getConstant().getString().length() > maxLength) {
                    found.add(func.getArg(2).getConstant().getString());
                }
            }
        });
        return found.stream().findFirst();
    }

    /** Replaces ARQ's {@code REGEX} and {@code REPLACE} in the algebra, including inside {@code EXISTS}. */
    private static final class Exprs extends ExprTransformCopy {
        private final int maxLength;

        Exprs(int maxLength) {
            this.maxLength = maxLength;
        }

        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
            if (func instanceof E_Regex && !(func instanceof Match)) {
                return new Match(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null, maxLength);
            }
            if (func instanceof E_StrReplace && !(func instanceof Replace)) {
                return new Replace(
                        args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null, maxLength);
            }
            return super.transform(func, args);
        }
    }

    /** ARQ's function registry, without loading further function classes by IRI. */
    private static final class RegisteredFunctions extends FunctionRegistry {
        private final Map<String, FunctionFactory> registered = new HashMap<>();

        RegisteredFunctions(FunctionRegistry from) {
            for (Iterator<String> it = from.keys(); it.hasNext(); ) {
                String uri = it.next();
                put(uri, from.get(uri));
            }
        }

        @Override
        public void put(String uri, FunctionFactory f) {
            registered.put(uri, f);
            super.put(uri, f);
        }

        @Override
        public FunctionFactory get(String uri) {
            return registered.get(uri);
        }
    }

    /**
     * ARQ's property-function registry, without loading further classes by IRI (ARQ's own maps an IRI of its
     * library to a class name and loads it, which would bring back its {@code strSplit}).
     */
    private static final class RegisteredPropertyFunctions extends PropertyFunctionRegistry {
        private final Map<String, PropertyFunctionFactory> registered = new HashMap<>();

        RegisteredPropertyFunctions(PropertyFunctionRegistry from) {
            for (Iterator<String> it = from.keys(); it.hasNext(); ) {
                String uri = it.next();
                put(uri, from.get(uri));
            }
        }

        @Override
        public void put(String uri, PropertyFunctionFactory factory) {
            registered.put(uri, factory);
            super.put(uri, factory);
        }

        @Override
        public boolean manages(String uri) {
            return registered.containsKey(uri);
        }

        @Override
        public PropertyFunctionFactory get(String uri) {
            return registered.get(uri);
        }
    }
}
