package org.cikg.curation;

import static org.cikg.curation.Proposer.VALUE;
import static org.cikg.curation.Proposer.YEAR;

import java.util.ArrayList;
import java.util.List;

/** Figures of a sentence: a number with a unit, scale or bound cue, its year, about the entity named nearest. */
final class FigureCues {
    private FigureCues() {}

    static void figuresOf(
            int para,
            String line,
            List<CueLexicon.Token> tokens,
            List<Occ> in,
            List<CueLexicon.Hit> hits,
            String hedge,
            List<Proposer.Proposal> out) {
        List<String> years = new ArrayList<>();
        for (CueLexicon.Token t : tokens) {
            if (t.number() && YEAR.matcher(t.text()).matches() && in.stream().anyMatch(o -> true)) {
                years.add(t.text());
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            CueLexicon.Token t = tokens.get(i);
            if (!t.number() || !inside(t, in, hits, tokens)) {
                continue;
            }
            CueLexicon.Hit unit = hitAt(hits, "unit", i + 1, 2);
            CueLexicon.Hit scale = hitAt(hits, "scale", i + 1, 1);
            CueLexicon.Hit bound = boundBefore(hits, i);
            if (YEAR.matcher(t.text()).matches() && unit == null && scale == null && bound == null) {
                continue;
            }
            if (unit == null && scale == null && bound == null) {
                continue;
            }
            String value = decimal(t.text(), line, t);
            if (value == null) {
                continue;
            }
            Occ about = null;
            double d = Double.MAX_VALUE;
            for (Occ o : in) {
                double dist = o.start() > line.length() || o.end() > t.start() && o.start() < t.end()
                        ? 300
                        : o.end() <= t.start() ? t.start() - o.end() : (o.start() - t.end()) * 2.0;
                if (dist >= 0 && dist < d) {
                    d = dist;
                    about = o;
                }
            }
            if (about == null) {
                continue;
            }
            String u = unit != null
                    ? unit.cue().key()
                    : scale != null ? scale.cue().text() : "";
            String year =
                    years.stream().filter(y -> !y.equals(t.text())).findFirst().orElse("");
            String q = bound != null ? bound.cue().key() : "Exactly";
            String why = "figure " + t.text() + (u.isEmpty() ? "" : " " + u)
                    + (bound != null ? "; bound '" + bound.cue().text() + "' = cikg:" + q : "; cikg:Exactly")
                    + (year.isEmpty() ? "" : "; year " + year)
                    + (hedge != null ? "; hedged: '" + hedge + "'" : "");
            double conf = 0.6 - Math.min(0.3, d / 400.0) + (unit != null ? 0.1 : 0);
            out.add(new Proposer.Proposal(
                    "figure",
                    para,
                    about.iri(),
                    VALUE,
                    value,
                    hedge == null ? "stated" : "hedged",
                    conf,
                    why,
                    t.text()));
        }
    }

    private static boolean inside(
            CueLexicon.Token t, List<Occ> in, List<CueLexicon.Hit> hits, List<CueLexicon.Token> tokens) {
        return !in.isEmpty();
    }

    private static CueLexicon.Hit hitAt(List<CueLexicon.Hit> hits, String kind, int at, int window) {
        for (CueLexicon.Hit h : hits) {
            if (h.cue().kind().equals(kind) && h.from() >= at && h.from() < at + window) {
                return h;
            }
        }
        return null;
    }

    private static CueLexicon.Hit boundBefore(List<CueLexicon.Hit> hits, int at) {
        for (CueLexicon.Hit h : hits) {
            if (h.cue().kind().equals("bound") && h.to() <= at && at - h.to() <= 1) {
                return h;
            }
        }
        return null;
    }

    /** The number as a Turtle decimal: "1,04" (comma decimal) and "10 000" (spaced thousands) read right. */
    private static String decimal(String text, String line, CueLexicon.Token t) {
        String s = text.replaceAll("[\\u00a0\\u202f ]", "");
        if (s.matches("\\d{1,3}(,\\d{3})+")) {
            s = s.replace(",", "");
        } else {
            s = s.replace(',', '.');
        }
        if (!s.matches("\\d+(\\.\\d+)?")) {
            return null;
        }
        return s.contains(".") ? s : s + ".0";
    }
}
