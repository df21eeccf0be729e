package org.cikg.fuseki;

/**
 * The deepest bracket nesting ({@code ( [ {}) in SPARQL text, outside string literals, IRIs and comments. Jena's
 * parser recurses once (or more) per level, so very deep nesting would exhaust the thread's stack; measuring it
 * first lets the endpoint answer 400 instead.
 *
 * <p>A small lexer, not a parser: it recognises the tokens that can contain brackets without nesting (strings in
 * all four quote forms, {@code <IRI>}s, {@code #} comments), so neither a bracket inside a string nor a quote
 * inside a comment can make it miscount.
 */
final class NestingDepth {
    private NestingDepth() {}

    static int of(String text) {
        int depth = 0;
        int max = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            switch (c) {
                case '(', '[', '{' -> {
                    depth++;
                    max = Math.max(max, depth);
                    i++;
                }
                case ')', ']', '}' -> {
                    depth = Math.max(0, depth - 1);
                    i++;
                }
                case '"', '\'' -> i = skipString(text, i);
                case '<' -> i = skipIri(text, i);
                case '#' -> i = skipLine(text, i);
                default -> i++;
            }
        }
        return max;
    }

    private static int skipString(String text, int start) {
        char q = text.charAt(start);
        int n = text.length();
        boolean triple = start + 2 < n && text.charAt(start + 1) == q && text.charAt(start + 2) == q;
        int i = start + (triple ? 3 : 1);
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (triple) {
                if (c == q && i + 2 < n && text.charAt(i + 1) == q && text.charAt(i + 2) == q) {
                    return i + 3;
                }
            } else if (c == q || c == '\n' || c == '\r') {
                return i + 1;
            }
            i++;
        }
        return n;
    }

    /** An IRIREF is {@code <} then no space, quote, brace, pipe, caret, backquote or backslash, then {@code >}. */
    private static int skipIri(String text, int start) {
        int n = text.length();
        for (int i = start + 1; i < n; i++) {
            char c = text.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if (c <= ' ' || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`'
                    || c == '\\') {
                return start + 1; // not an IRI: the less-than operator
            }
        }
        return start + 1;
    }

    private static int skipLine(String text, int start) {
        int i = start;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }
}
