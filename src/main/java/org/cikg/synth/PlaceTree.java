package org.cikg.synth;

import static org.cikg.core.Namespaces.KGID;
import static org.cikg.synth.SyntheticClaims.cikg;

import java.util.SplittableRandom;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * The synthetic places: a five-level hierarchy (country, macro-region, province, city, district), each place
 * {@code cikg:locatedIn} its parent. About 3% of the triples are places: small targets get a small tree, big ones
 * more countries. A place's IRI and names are a function of the seed, its level and its index.
 */
final class PlaceTree {
    private static final String[] LEVELS = {"country", "region", "province", "city", "district"};
    private static final Node[] LEVEL_CLASSES = {
        cikg("Country"), cikg("MacroRegion"), cikg("Province"), cikg("City"), cikg("District")
    };

    private final long seed;
    private final int[] fanOut = new int[5];
    private final long[] levelCount = new long[5];

    /** The tree for a graph of about {@code target} triples. */
    PlaceTree(long seed, long target) {
        this.seed = seed;
        if (target < 200_000) {
            fanOut[0] = 1;
            fanOut[1] = 2;
            fanOut[2] = 2;
            fanOut[3] = 3;
            fanOut[4] = 3;
        } else {
            fanOut[0] = (int) Math.max(1, target / 3_000_000);
            fanOut[1] = 4;
            fanOut[2] = 6;
            fanOut[3] = 10;
            fanOut[4] = 6;
        }
        levelCount[0] = fanOut[0];
        for (int l = 1; l < 5; l++) {
            levelCount[l] = levelCount[l - 1] * fanOut[l];
        }
    }

    /** How many places the tree has. */
    long size() {
        long places = 0;
        for (long n : levelCount) {
            places += n;
        }
        return places;
    }

    /** How many places of a level. */
    long count(int level) {
        return levelCount[level];
    }

    void write(SyntheticClaims out) {
        for (int level = 0; level < 5; level++) {
            for (long i = 0; i < levelCount[level]; i++) {
                Node place = place(level, i);
                SyntheticNames.Name n = name(level, i);
                out.emit(place, RDF.type.asNode(), LEVEL_CLASSES[level]);
                String hanSuffix = switch (level) {
                    case 0 -> "国";
                    case 1 -> "地区";
                    case 2 -> "省";
                    case 3 -> "市";
                    default -> "区";
                };
                String en = switch (level) {
                    case 1 -> n.latin() + " Region";
                    case 4 -> n.latin() + " District";
                    default -> n.latin();
                };
                out.labels(place, en, n.han() + hanSuffix, n);
                out.comment(place, "A synthetic " + LEVELS[level] + " made up for scale tests.");
                if (level > 0) {
                    out.claim(place, cikg("locatedIn"), place(level - 1, i / fanOut[level]), null);
                }
            }
        }
    }

    Node place(int level, long i) {
        return NodeFactory.createURI(KGID + name(level, i).slug() + "-" + LEVELS[level] + "-" + i);
    }

    SyntheticNames.Name name(int level, long i) {
        return SyntheticNames.draw(SyntheticNames.stream(seed, 10 + level, i), 2);
    }

    /** A place of the level, drawn from {@code random}. */
    Node random(int level, SplittableRandom random) {
        return place(level, random.nextLong(levelCount[level]));
    }
}
