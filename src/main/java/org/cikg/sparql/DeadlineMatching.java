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

    /**
     * The pattern argument of {@code REGEX} or {@code REPLACE} ({@code function}): compiled once when it is a constant,
     * else at each call, capped at {@code maxLength}.
     */
    record PatternArg(String function, int maxLength, Pattern fixed) {
        static PatternArg of(String function, Expr pattern, Expr flags, int maxLength) {
            return new PatternArg(function, maxLength, constant(function, pattern, flags, maxLength));
        }

        /** The pattern for this call ({@code args.get(1)}, its flags at {@code flagsAt} when given). */
        Pattern at(List<NodeValue> args, int flagsAt) {
            return fixed != null
                    ? fixed
                    : compile(function, args.get(1), args.size() > flagsAt ? args.get(flagsAt) : null, maxLength);
        }

        /** Without an execution (constant folding at planning time) it is not evaluated: nothing could stop it. */
        ExprEvalException notWithoutExecution() {
            return new ExprEvalException(function + " is evaluated when the query runs");
        }
    }

    /** {@code REGEX}, matched under the deadline. */
    static final class Match extends E_Regex {
        private final PatternArg pattern;

        Match(Expr text, Expr pattern, Expr flags, int maxLength) {
            super(text, pattern, flags);
            this.pattern = PatternArg.of("REGEX", pattern, flags, maxLength);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            return NodeValue.booleanReturn(find(pattern.at(args, 2), args.get(0), env));
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            throw pattern.notWithoutExecution();
        }

        @Override
        public Expr copy(ExprList args) {
            return new Match(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null, pattern.maxLength());
        }
    }

    /** {@code REPLACE}, matched under the deadline. */
    static final class Replace extends E_StrReplace {
        private final PatternArg pattern;

        Replace(Expr text, Expr pattern, Expr replacement, Expr flags, int maxLength) {
            super(text, pattern, replacement, flags);
            this.pattern = PatternArg.of("REPLACE", pattern, flags, maxLength);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            return replace(args.get(0), pattern.at(args, 3), args.get(2), env);
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            throw pattern.notWithoutExecution();
        }

        @Override
        public Expr copy(ExprList args) {
            return new Replace(
                    args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null, pattern.maxLength());
        }
    }
}
