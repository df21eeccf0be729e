package org.cikg.curation;

import static org.cikg.core.Namespaces.CIKG;

import java.util.List;
import java.util.Set;

/** Whether a place claim agrees with the official tree of places (the gazetteer) and with the kinds of its places. */
final class PlaceChecks {
    /** Properties whose subject and object are places the gazetteer can check. */
    private static final Set<String> PLACE_CHECKED =
            Set.of(CIKG + "locatedIn", CIKG + "capitalOf", CIKG + "headquarteredIn");

    private static final List<String> PLACE_RANK = List.of(
            CIKG + "Township",
            CIKG + "Zone",
            CIKG + "District",
            CIKG + "County",
            CIKG + "City",
            CIKG + "Province",
            CIKG + "MacroRegion",
            CIKG + "Country");

    private final GazetteerIndex gazetteer;

    PlaceChecks(GazetteerIndex gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * Place claims only where the official tree agrees (or does not know one of the places), and never from a larger
     * kind of place to a smaller one (a country is not located in a province, a province is not the capital's country
     * of a city).
     */
    boolean placesAgree(String p, Occ s, Occ o) {
        if (!PLACE_CHECKED.contains(p)) {
            return true;
        }
        int rs = rank(s.types());
        int ro = rank(o.types());
        if (rs >= 0 && ro >= 0 && rs >= ro && !p.equals(CIKG + "headquarteredIn")) {
            return false;
        }
        if (!gazetteer.knows(s.iri()) || !gazetteer.knows(o.iri())) {
            return true;
        }
        return gazetteer.within(s.iri(), o.iri());
    }

    /** The highest kind of place among the classes (Beijing, a city and a province, ranks as a province); -1 if none. */
    private static int rank(Set<String> types) {
        int r = -1;
        for (int i = 0; i < PLACE_RANK.size(); i++) {
            if (types.contains(PLACE_RANK.get(i))) {
                r = i;
            }
        }
        return r;
    }
}
