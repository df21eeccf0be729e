package org.cikg.asof;

import java.util.Optional;

/**
 * The response header saying which year an answer shows: {@code X-As-Of: 2019}, or {@code current} for the graph as
 * it is. Named questions, RDF documents and graph exports send it.
 */
public final class AsOfHeader {
    public static final String NAME = "X-As-Of";

    private AsOfHeader() {}

    public static String value(Optional<AsOf> asOf) {
        return asOf.map(y -> Integer.toString(y.year())).orElse("current");
    }
}
