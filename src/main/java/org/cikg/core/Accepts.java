package org.cikg.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Content negotiation for answers offered in a few media types: the first type the {@code Accept} header allows, by
 * quality value, then in the order offered. No header, an empty one or one that does not parse gets the first type
 * offered; a header that allows none of them gets nothing (the caller answers 406).
 *
 * <pre>{@code
 * MediaType f = Accepts.firstOf(accept, List.of(APPLICATION_JSON, TURTLE))
 *         .orElseThrow(() -> new HttpMediaTypeNotAcceptableException(offered));
 * }</pre>
 */
public final class Accepts {
    private Accepts() {}

    public static Optional<MediaType> firstOf(String accept, List<MediaType> offered) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(offered.get(0));
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return Optional.of(offered.get(0));
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType a : accepted) {
            if (a.getQualityValue() <= 0) {
                continue;
            }
            for (MediaType p : offered) {
                if (a.includes(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
