package org.cikg.curation;

import static org.cikg.core.Namespaces.CIKG;
import static org.cikg.curation.Proposer.FOUNDING_YEAR;
import static org.cikg.curation.Proposer.SECTOR;
import static org.cikg.curation.Proposer.YEAR;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Claims of a sentence: a relation or sector cue of the article's language linking entities whose classes the
 * property allows (and, for places, that the gazetteer agrees with); facts the graph already holds named together
 * again.
 */
final class ClaimCues {
    private static final Set<String> SECTOR_DOMAIN = Set.of(
            CIKG + "Organization",
            CIKG + "Policy",
            CIKG + "Zone",
            CIKG + "Event",
            CIKG + "CompanyGroup",
            CIKG + "Product");
    private static final Set<String> FOUNDED_DOMAIN = Set.of(CIKG + "Organization", CIKG + "Zone", CIKG + "Facility");

    private final CurationGraph graph;
    private final GazetteerIndex gazetteer;
    private final PlaceChecks places;
    private final Map<String, CurationGraph.PropertyRange> properties = new HashMap<>();

    ClaimCues(CurationGraph graph, GazetteerIndex gazetteer) {
        this.graph = graph;
        this.gazetteer = gazetteer;
        this.places = new PlaceChecks(gazetteer);
        graph.objectProperties().forEach(p -> properties.put(p.property(), p));
    }

    /** The object properties by IRI, with their domains and ranges. */
    Map<String, CurationGraph.PropertyRange> properties() {
        return properties;
    }

    PlaceChecks places() {
        return places;
    }

    void claimsOf(
            int para,
            String line,
            List<CueLexicon.Token> tokens,
            List<Occ> in,
            List<Occ> paragraph,
            List<CueLexicon.Hit> hits,
            String hedge,
            Map<String, Proposer.Proposal> out) {
        for (CueLexicon.Hit h : hits) {
            cueClaims(para, line, tokens, in, paragraph, h, hedge, out);
        }
        restated(para, in, paragraph, hedge, out);
    }

    /** The claims one cue of the sentence proposes: a sector, a founding year, or its property between two entities. */
    private void cueClaims(
            int para,
            String line,
            List<CueLexicon.Token> tokens,
            List<Occ> in,
            List<Occ> paragraph,
            CueLexicon.Hit h,
            String hedge,
            Map<String, Proposer.Proposal> out) {
        String kind = h.cue().kind();
        int cueStart = tokens.get(h.from()).start();
        int cueEnd = tokens.get(h.to() - 1).end();
        String cue = line.substring(cueStart, cueEnd);
        if (kind.equals("sector")) {
            Occ best = nearest(in, cueStart, cueEnd, o -> o.types().stream().anyMatch(SECTOR_DOMAIN::contains));
            if (best != null) {
                double conf = 0.7 - Math.min(0.3, distance(best, cueStart, cueEnd) / 400.0);
                add(out, para, best.iri(), SECTOR, CIKG + h.cue().key(), hedge, conf, "sector word '" + cue + "'", cue);
            }
            return;
        }
        if (!kind.equals("rel")) {
            return;
        }
        String p = CIKG + h.cue().key();
        if (p.equals(FOUNDING_YEAR)) {
            String year = nearestYear(tokens, h, line);
            Occ s = nearest(in, cueStart, cueEnd, o -> o.types().stream().anyMatch(FOUNDED_DOMAIN::contains));
            if (year != null && s != null) {
                add(out, para, s.iri(), p, year, hedge, 0.75, "founding cue '" + cue + "'", cue);
            }
            return;
        }
        if (h.cue().key().equals("founder")) {
            // "founded by X in 2019": a year close after a founder cue dates the founding.
            String year = yearAfter(tokens, h, 6);
            Occ s = nearest(in, cueStart, cueEnd, o -> o.types().stream().anyMatch(FOUNDED_DOMAIN::contains));
            if (year != null && s != null) {
                add(out, para, s.iri(), FOUNDING_YEAR, year, hedge, 0.6, "founder cue '" + cue + "' and year", cue);
            }
        }
        CurationGraph.PropertyRange range = properties.get(p);
        if (range == null) {
            return;
        }
        relationClaim(para, in, paragraph, p, range, cueStart, cueEnd, cue, hedge, out);
    }

    /** The property of a relation cue between the two entities of the sentence (or paragraph) that fit it best. */
    private void relationClaim(
            int para,
            List<Occ> in,
            List<Occ> paragraph,
            String p,
            CurationGraph.PropertyRange range,
            int cueStart,
            int cueEnd,
            String cue,
            String hedge,
            Map<String, Proposer.Proposal> out) {
        Occ bs = null;
        Occ bo = null;
        double bestCost = Double.MAX_VALUE;
        // The sentence first; an end the sentence lacks ("the start-up based in X") may be named earlier in the
        // paragraph, at a cost.
        for (Occ a : paragraph) {
            for (Occ b : paragraph) {
                boolean inSentence = in.contains(a) && in.contains(b);
                if (!inSentence && !(in.contains(a) || in.contains(b))) {
                    continue;
                }
                if (a.iri().equals(b.iri()) || !fits(range, a.types(), b.types()) || !places.placesAgree(p, a, b)) {
                    continue;
                }
                double cost = distance(a, cueStart, cueEnd) + distance(b, cueStart, cueEnd);
                // The cue between its two ends, or the object right after it, is the common shape.
                if (!(a.end() <= cueStart && b.start() >= cueEnd || b.end() <= cueStart && a.start() >= cueEnd)) {
                    cost += 40;
                }
                if (!inSentence) {
                    cost += 60;
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    bs = a;
                    bo = b;
                }
            }
        }
        if (bs != null) {
            double conf = 0.9 - Math.min(0.5, bestCost / 300.0);
            add(out, para, bs.iri(), p, bo.iri(), hedge, conf, "cue '" + cue + "'", cue);
            // A list of subjects sharing the object ("A, B and C are based in X").
            for (Occ a : in) {
                if (a != bs
                        && !a.iri().equals(bo.iri())
                        && a.types().equals(bs.types())
                        && (a.end() <= cueStart) == (bs.end() <= cueStart)
                        && Math.abs(a.start() - bs.start()) < 80
                        && fits(range, a.types(), bo.types())
                        && places.placesAgree(p, a, bo)) {
                    add(out, para, a.iri(), p, bo.iri(), hedge, conf - 0.15, "cue '" + cue + "' (listed)", cue);
                }
            }
        }
    }

    /** Facts the graph or the official tree already holds, named together again: the article restates them. */
    private void restated(
            int para, List<Occ> in, List<Occ> paragraph, String hedge, Map<String, Proposer.Proposal> out) {
        for (Occ a : in) {
            for (Occ b : paragraph) {
                if (a.iri().equals(b.iri())) {
                    continue;
                }
                Set<String> held = new HashSet<>(a.fresh() ? Set.of() : graph.propertiesBetween(a.iri(), b.iri()));
                if (b.iri().equals(gazetteer.parent(a.iri()))) {
                    held.add(CIKG + "locatedIn");
                }
                for (String p : held) {
                    if (properties.containsKey(p)) {
                        add(out, para, a.iri(), p, b.iri(), hedge, 0.55, "already in the graph; both named here", "");
                    }
                }
            }
        }
    }

    private void add(
            Map<String, Proposer.Proposal> out,
            int para,
            String s,
            String p,
            String o,
            String hedge,
            double conf,
            String reason,
            String surface) {
        String key = s + " " + p + " " + o + " " + para;
        Proposer.Proposal prev = out.get(key);
        String r = hedge == null ? reason : reason + "; hedged: '" + hedge + "'";
        if (prev != null) {
            if (prev.reason().contains(reason)) {
                return;
            }
            double c = Math.min(0.95, Math.max(conf, prev.confidence()) + 0.05);
            out.put(
                    key,
                    new Proposer.Proposal(
                            "claim",
                            para,
                            s,
                            p,
                            o,
                            prev.certainty(),
                            c,
                            prev.reason() + "; " + reason,
                            prev.surface()));
            return;
        }
        out.put(
                key,
                new Proposer.Proposal("claim", para, s, p, o, hedge == null ? "stated" : "hedged", conf, r, surface));
    }

    static boolean fits(CurationGraph.PropertyRange p, Set<String> subject, Set<String> object) {
        return p.domain().stream().anyMatch(subject::contains)
                && p.range().stream().anyMatch(object::contains);
    }

    private static double distance(Occ o, int cueStart, int cueEnd) {
        if (o.end() <= cueStart) {
            return cueStart - o.end();
        }
        if (o.start() >= cueEnd) {
            return o.start() - cueEnd;
        }
        return 0;
    }

    private static Occ nearest(List<Occ> in, int cueStart, int cueEnd, java.util.function.Predicate<Occ> ok) {
        Occ best = null;
        double d = Double.MAX_VALUE;
        for (Occ o : in) {
            if (ok.test(o) && distance(o, cueStart, cueEnd) < d) {
                d = distance(o, cueStart, cueEnd);
                best = o;
            }
        }
        return best;
    }

    private static String yearAfter(List<CueLexicon.Token> tokens, CueLexicon.Hit h, int window) {
        for (int k = h.to(); k < Math.min(tokens.size(), h.to() + window); k++) {
            if (YEAR.matcher(tokens.get(k).text()).matches()) {
                return tokens.get(k).text();
            }
        }
        return null;
    }

    private static String nearestYear(List<CueLexicon.Token> tokens, CueLexicon.Hit h, String line) {
        for (int k = h.to(); k < Math.min(tokens.size(), h.to() + 4); k++) {
            if (YEAR.matcher(tokens.get(k).text()).matches()) {
                return tokens.get(k).text();
            }
        }
        for (int k = h.from() - 1; k >= Math.max(0, h.from() - 4); k--) {
            if (YEAR.matcher(tokens.get(k).text()).matches()) {
                return tokens.get(k).text();
            }
        }
        return null;
    }
}
