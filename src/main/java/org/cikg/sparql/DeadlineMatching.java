package org.cikg.sparql;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;

/**
 * The matching {@link DeadlineRegex} installs: patterns compiled as ARQ compiles them (capped in length), matched and
 * replaced on a {@link DeadlineText} that reads the execution's cancel flag, and the {@code REGEX} and
 * {@code REPLACE} expressions that match that way ({@link Match}, {@link Replace}).
 */
final class DeadlineMatching {
    private DeadlineMatching() {}

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

    static Pattern compile(String label, String pattern, String flags, int maxLength) {
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
        String with =
                NodeValueOps.checkAndGetStringLiteral("REPLACE", replacement).getLiteralLexicalForm();
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
        return result.equals(s)
                ? text
                : NodeValue.makeNode(
                        NodeFactory.createLiteral(result, in.getLiteralLanguage(), in.getLiteralDatatype()));
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
            Pattern p = fixed != null
                    ? fixed
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
            Pattern p = fixed != null
                    ? fixed
                    : compile("REPLACE", args.get(1), args.size() > 3 ? args.get(3) : null, maxLength);
            return replace(args.get(0), p, args.get(2), env);
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            throw new ExprEvalException("REPLACE is evaluated when the query runs");
        }

        @Override
        public Expr copy(ExprList args) {
            return new Replace(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null, maxLength);
        }
    }
}
