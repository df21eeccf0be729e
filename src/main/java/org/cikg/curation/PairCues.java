package org.cikg.curation;

import static org.cikg.core.Namespaces.CIKG;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pairs of entities named in one paragraph that no claim links, kept apart from the claims: each with the most
 * specific property whose domain and range allow it (never a capital: that needs a cue), or none.
 */
final class PairCues {
    private final Map<String, CurationGraph.PropertyRange> properties;
    private final PlaceChecks places;

    PairCues(Map<String, CurationGraph.PropertyRange> properties, PlaceChecks places) {
        this.properties = properties;
        this.places = places;
    }

    void pairsOf(int para, List<Occ> occs, Map<String, Proposer.Proposal> claims, List<Proposer.Proposal> out) {
        List<String> es = occs.stream().map(Occ::iri).distinct().toList();
        Map<String, Set<String>> ts = new HashMap<>();
        occs.forEach(o -> ts.putIfAbsent(o.iri(), o.types()));
        for (int i = 0; i < es.size(); i++) {
            for (int j = i + 1; j < es.size(); j++) {
                String a = es.get(i);
                String b = es.get(j);
                boolean claimed = claims.values().stream()
                        .anyMatch(c -> c.paragraph() == para
                                && (c.subject().equals(a) && c.object().equals(b)
                                        || c.subject().equals(b) && c.object().equals(a)));
                if (claimed) {
                    continue;
                }
                String[] best = null;
                int size = Integer.MAX_VALUE;
                for (CurationGraph.PropertyRange p : properties.values()) {
                    if (p.property().equals(CIKG + "capitalOf")) {
                        continue; // a capital needs a cue: never guessed from classes alone
                    }
                    int sz = p.domain().size() + p.range().size();
                    Occ oa = new Occ(a, ts.get(a), 0, 0, false);
                    Occ ob = new Occ(b, ts.get(b), 0, 0, false);
                    if (sz < size
                            && ClaimCues.fits(p, ts.get(a), ts.get(b))
                            && places.placesAgree(p.property(), oa, ob)) {
                        best = new String[] {a, p.property(), b};
                        size = sz;
                    }
                    if (sz < size
                            && ClaimCues.fits(p, ts.get(b), ts.get(a))
                            && places.placesAgree(p.property(), ob, oa)) {
                        best = new String[] {b, p.property(), a};
                        size = sz;
                    }
                }
                String s = best == null ? a : best[0];
                String o = best == null ? b : best[2];
                out.add(new Proposer.Proposal(
                        "pair",
                        para,
                        s,
                        best == null ? "" : best[1],
                        o,
                        "stated",
                        0.1,
                        best == null
                                ? "named in the same paragraph; no property links these classes"
                                : "named in the same paragraph, no cue",
                        ""));
            }
        }
    }
}
