package org.cikg.sparql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryBuildException;
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
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PFuncSimpleAndList;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.IterLib;

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
 */
public final class DeadlineRegex {
    static final String STR_SPLIT = ARQConstants.ARQPropertyFunctionLibraryURI + "strSplit";
    private static final List<String> MATCH_IRIS = List.of(ARQConstants.fnPrefix + "matches",
            ARQConstants.sparqlPrefix + "regex");
    private static final List<String> REPLACE_IRIS = List.of(ARQConstants.fnPrefix + "replace",
            ARQConstants.sparqlPrefix + "replace");
    /** ARQ's property functions loaded by name from its library (none of them uses a regex but strSplit). */
    private static final List<String> PROPERTY_LIBRARY = List.of("alt", "assign", "bag", "blankNode", "bnode",
            "concat", "container", "seq", "splitIRI", "splitURI", "str");

    private DeadlineRegex() {
    }

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
            properties.put(ARQConstants.ARQPropertyFunctionLibraryURI + name,
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
                boolean regex = func instanceof E_Regex || func instanceof E_StrReplace
                        || func instanceof E_Function f && (MATCH_IRIS.contains(f.getFunctionIRI())
                        || REPLACE_IRIS.contains(f.getFunctionIRI()));
                if (regex && func.numArgs() >= 2 && func.getArg(2).isConstant()
                        && func.getArg(2).getConstant().isString()
                        && func.getArg(2).getConstant().getString().length() > maxLength) {
                    found.add(func.getArg(2).getConstant().getString());
                }
            }
        });
        return found.stream().findFirst();
    }

    // ---- Matching

    private static AtomicBoolean cancelSignal(FunctionEnv env) {
        return env == null ? null : Context.getCancelSignal(env.getContext());
    }

    /** A pattern and flags as ARQ reads them (flags {@code smixq}), at most {@code maxLength} characters. */
    static Pattern compile(String label, NodeValue pattern, NodeValue flags, int maxLength) {
        if (!pattern.isString()) {
            throw new ExprEvalException(label + ": the pattern is not a string");
        }
        if (flags != null && !flags.isString()) {
            throw new ExprEvalException(label + ": the flags are not a string");
        }
        return compile(label, pattern.getString(), flags == null ? null : flags.getString(), maxLength);
    }

    private static Pattern compile(String label, String pattern, String flags, int maxLength) {
        if (pattern.length() > maxLength) {
            throw new ExprEvalException(label + ": the pattern is longer than " + maxLength + " characters");
        }
        return RegexEngine.makePattern(label, pattern, flags);
    }

    /** The pattern of constant arguments, compiled once; null when either is computed per row. */
    private static Pattern constant(String label, Expr pattern, Expr flags, int maxLength) {
        if (!pattern.isConstant() || flags != null && !flags.isConstant()) {
            return null;
        }
        try {
            return compile(label, pattern.getConstant(), flags == null ? null : flags.getConstant(), maxLength);
        } catch (ExprEvalException e) {
            return null; // reported per row, as ARQ does
        }
    }

    static boolean find(Pattern pattern, NodeValue text, FunctionEnv env) {
        String s = NodeValueOps.checkAndGetStringLiteral("REGEX", text).getLiteralLexicalForm();
        return pattern.matcher(new DeadlineText(s, cancelSignal(env))).find();
    }

    /**
     * SPARQL {@code REPLACE} as ARQ computes it (after the first match, empty matches are skipped; the result keeps
     * the input's language tag or datatype; an unchanged string is returned as it came), read under the deadline.
     */
    static NodeValue replace(NodeValue text, Pattern pattern, NodeValue replacement, FunctionEnv env) {
        Node in = NodeValueOps.checkAndGetStringLiteral("REPLACE", text);
        String with = NodeValueOps.checkAndGetStringLiteral("REPLACE", replacement).getLiteralLexicalForm();
        String s = in.getLiteralLexicalForm();
        Matcher m = pattern.matcher(new DeadlineText(s, cancelSignal(env)));
        StringBuilder out = null;
        try {
            while (m.find()) {
                if (out != null && m.start() == m.end()) {
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(s.length());
                }
                m.appendReplacement(out, with);
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ExprEvalException("REPLACE: " + e.getMessage());
        }
        if (out == null) {
            return text;
        }
        m.appendTail(out);
        String result = out.toString();
        return result.equals(s) ? text
                : NodeValue.makeNode(NodeFactory.createLiteral(result, in.getLiteralLanguage(), in.getLiteralDatatype()));
    }

    /** {@code REGEX}, matched under the deadline. */
    static final class Match extends E_Regex {
        private final int maxLength;
        private final Pattern fixed;

        Match(Expr text, Expr pattern, Expr flags, int maxLength) {
            super(text, pattern, flags);
            this.maxLength = maxLength;
            this.fixed = constant("REGEX", pattern, flags, maxLength);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            Pattern p = fixed != null ? fixed
                    : compile("REGEX", args.get(1), args.size() > 2 ? args.get(2) : null, maxLength);
            return NodeValue.booleanReturn(find(p, args.get(0), env));
        }

        /** Without an execution (constant folding at planning time) it is not evaluated: nothing could stop it. */
        @Override
        public NodeValue eval(List<NodeValue> args) {
            throw new ExprEvalException("REGEX is evaluated when the query runs");
        }

        @Override
        public Expr copy(ExprList args) {
            return new Match(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null, maxLength);
        }
    }

    /** {@code REPLACE}, matched under the deadline. */
    static final class Replace extends E_StrReplace {
        private final int maxLength;
        private final Pattern fixed;

        Replace(Expr text, Expr pattern, Expr replacement, Expr flags, int maxLength) {
            super(text, pattern, replacement, flags);
            this.maxLength = maxLength;
            this.fixed = constant("REPLACE", pattern, flags, maxLength);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            Pattern p = fixed != null ? fixed
                    : compile("REPLACE", args.get(1), args.size() > 3 ? args.get(3) : null, maxLength);
            return replace(args.get(0), p, args.get(2), env);
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            throw new ExprEvalException("REPLACE is evaluated when the query runs");
        }

        @Override
        public Expr copy(ExprList args) {
            return new Replace(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null,
                    maxLength);
        }
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
                return new Replace(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null,
                        maxLength);
            }
            return super.transform(func, args);
        }
    }

    /** {@code fn:matches} and {@code sparql:regex}. */
    private static final class MatchFunction extends FunctionBase {
        private final int maxLength;

        MatchFunction(int maxLength) {
            this.maxLength = maxLength;
        }

        @Override
        public void checkBuild(String uri, ExprList args) {
            if (args.size() != 2 && args.size() != 3) {
                throw new QueryBuildException(uri + ": wanted 2 or 3 arguments, got " + args.size());
            }
        }

        @Override
        protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
            Pattern p = compile("REGEX", args.get(1), args.size() > 2 ? args.get(2) : null, maxLength);
            return NodeValue.booleanReturn(find(p, args.get(0), env));
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            throw new ExprEvalException("regex functions are evaluated when the query runs");
        }
    }

    /** {@code fn:replace} and {@code sparql:replace}. */
    private static final class ReplaceFunction extends FunctionBase {
        private final int maxLength;

        ReplaceFunction(int maxLength) {
            this.maxLength = maxLength;
        }

        @Override
        public void checkBuild(String uri, ExprList args) {
            if (args.size() != 3 && args.size() != 4) {
                throw new QueryBuildException(uri + ": wanted 3 or 4 arguments, got " + args.size());
            }
        }

        @Override
        protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
            Pattern p = compile("REPLACE", args.get(1), args.size() > 3 ? args.get(3) : null, maxLength);
            return replace(args.get(0), p, args.get(2), env);
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            throw new ExprEvalException("regex functions are evaluated when the query runs");
        }
    }

    /**
     * {@code ?token apf:strSplit (?string ?regex)}: binds (or checks) each piece of the string split at the regex,
     * trimmed, as ARQ's does; split under the deadline. A pattern that does not compile, or is over the cap, splits
     * nothing.
     */
    static final class Split extends PFuncSimpleAndList {
        private final int maxLength;

        Split(int maxLength) {
            this.maxLength = maxLength;
        }

        @Override
        public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext execCxt) {
            super.build(subject, predicate, object, execCxt);
            if (object.getArgListSize() != 2) {
                throw new QueryBuildException("strSplit takes two arguments: the string, and the regex to split at");
            }
        }

        @Override
        public QueryIterator execEvaluated(Binding binding, Node subject, Node predicate, PropFuncArg object,
                                           ExecutionContext execCxt) {
            Node text = object.getArg(0);
            Node regex = object.getArg(1);
            if (!text.isLiteral() || !regex.isLiteral()) {
                return IterLib.noResults(execCxt);
            }
            String[] pieces;
            try {
                pieces = compile("strSplit", regex.getLiteralLexicalForm(), null, maxLength)
                        .split(new DeadlineText(text.getLiteralLexicalForm(), execCxt.getCancelSignal()));
            } catch (ExprEvalException | PatternSyntaxException e) {
                return IterLib.noResults(execCxt);
            }
            List<String> tokens = new ArrayList<>(pieces.length);
            for (String p : pieces) {
                tokens.add(p.strip());
            }
            if (Var.isVar(subject)) {
                Var v = Var.alloc(subject);
                Iterator<Binding> it = tokens.stream()
                        .map(t -> BindingFactory.binding(binding, v, NodeFactory.createLiteralString(t))).iterator();
                return QueryIterPlainWrapper.create(it, execCxt);
            }
            boolean simple = subject.isLiteral() && subject.getLiteralLanguage().isEmpty()
                    && subject.getLiteralDatatypeURI().equals(XSDDatatype.XSDstring.getURI());
            return simple && tokens.contains(subject.getLiteralLexicalForm())
                    ? IterLib.result(binding, execCxt) : IterLib.noResults(execCxt);
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
