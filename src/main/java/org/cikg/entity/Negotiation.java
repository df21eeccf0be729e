package org.cikg.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * Content negotiation for Linked Data resources: picks HTML or one of the {@link RdfFormat}s from an
 * {@code Accept} header by quality value, then specific types before wildcards, then the order the client listed them. A missing header or a bare
 * wildcard gets HTML (browsers and people first); {@code application/*} gets JSON-LD.
 *
 * @param html   HTML was chosen
 * @param format the RDF format chosen, when not HTML
 */
record Negotiation(boolean html, RdfFormat format) {
    static final MediaType HTML = MediaType.TEXT_HTML;

    /**
     * The best representation for this Accept header, or {@link HttpMediaTypeNotAcceptableException} (406) when the
     * client accepts none of them.
     */
    static Negotiation of(String accept, boolean htmlAvailable) throws HttpMediaTypeNotAcceptableException {
        Optional<Negotiation> n = choose(accept, htmlAvailable);
        if (n.isEmpty()) {
            throw new HttpMediaTypeNotAcceptableException(supported(htmlAvailable));
        }
        return n.get();
    }

    static Optional<Negotiation> choose(String accept, boolean htmlAvailable) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(htmlAvailable ? new Negotiation(true, null) : new Negotiation(false, RdfFormat.TURTLE));
        }
        List<MediaType> wanted;
        try {
            wanted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return Optional.empty();
        }
        // By quality, then specific before wildcard; otherwise the client's order (the sort is stable).
        wanted.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue)
                .reversed()
                .thenComparing(MediaType::isWildcardType)
                .thenComparing(MediaType::isWildcardSubtype));
        for (MediaType w : wanted) {
            if (w.getQualityValue() <= 0.0) {
                continue;
            }
            if (htmlAvailable
                    && (w.isWildcardType()
                            || w.includes(HTML)
                            || w.isCompatibleWith(MediaType.APPLICATION_XHTML_XML))) {
                return Optional.of(new Negotiation(true, null));
            }
            for (RdfFormat f : RdfFormat.values()) {
                if (w.includes(f.mediaType)) {
                    return Optional.of(new Negotiation(false, f));
                }
            }
            // Older names some clients still send.
            if (w.isCompatibleWith(MediaType.parseMediaType("application/x-turtle"))) {
                return Optional.of(new Negotiation(false, RdfFormat.TURTLE));
            }
            if (w.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return Optional.of(new Negotiation(false, RdfFormat.JSONLD));
            }
        }
        return Optional.empty();
    }

    static List<MediaType> supported(boolean htmlAvailable) {
        List<MediaType> all = new ArrayList<>();
        if (htmlAvailable) {
            all.add(HTML);
        }
        for (RdfFormat f : RdfFormat.values()) {
            all.add(f.mediaType);
        }
        return all;
    }

    /** Whether the client reads HTML (for choosing between an HTML error page and problem+json). */
    static boolean prefersHtml(String accept) {
        return choose(accept, true).map(Negotiation::html).orElse(false);
    }
}
