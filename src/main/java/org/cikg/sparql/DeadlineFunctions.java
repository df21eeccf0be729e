package org.cikg.sparql;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.pfunction.PFuncSimpleAndList;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.util.IterLib;

/**
 * The function forms {@link DeadlineRegex} registers in place of ARQ's: {@code fn:matches} and {@code sparql:regex}
 * ({@link MatchFunction}), {@code fn:replace} and {@code sparql:replace} ({@link ReplaceFunction}), and the property
 * function {@code apf:strSplit} ({@link Split}), each matching through {@link DeadlineMatching}.
 */
final class DeadlineFunctions {
    private DeadlineFunctions() {}

    /** {@code fn:matches} and {@code sparql:regex}. */
    static final class MatchFunction extends FunctionBase {
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
            Pattern p = DeadlineMatching.compile("REGEX", args.get(1), args.size() > 2 ? args.get(2) : null, maxLength);
            return NodeValue.booleanReturn(DeadlineMatching.find(p, args.get(0), env));
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            throw new ExprEvalException("regex functions are evaluated when the query runs");
        }
    }

    /** {@code fn:replace} and {@code sparql:replace}. */
    static final class ReplaceFunction extends FunctionBase {
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
            Pattern p =
                    DeadlineMatching.compile("REPLACE", args.get(1), args.size() > 3 ? args.get(3) : null, maxLength);
            return DeadlineMatching.replace(args.get(0), p, args.get(2), env);
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
        public QueryIterator execEvaluated(
                Binding binding, Node subject, Node predicate, PropFuncArg object, ExecutionContext execCxt) {
            Node text = object.getArg(0);
            Node regex = object.getArg(1);
            if (!text.isLiteral() || !regex.isLiteral()) {
                return IterLib.noResults(execCxt);
            }
            String[] pieces;
            try {
                pieces = DeadlineMatching.compile("strSplit", regex.getLiteralLexicalForm(), null, maxLength)
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
                        .map(t -> BindingFactory.binding(binding, v, NodeFactory.createLiteralString(t)))
                        .iterator();
                return QueryIterPlainWrapper.create(it, execCxt);
            }
            boolean simple = subject.isLiteral()
                    && subject.getLiteralLanguage().isEmpty()
                    && subject.getLiteralDatatypeURI().equals(XSDDatatype.XSDstring.getURI());
            return simple && tokens.contains(subject.getLiteralLexicalForm())
                    ? IterLib.result(binding, execCxt)
                    : IterLib.noResults(execCxt);
        }
    }
}
