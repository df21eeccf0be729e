package org.cikg.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;

/** The export formats, each with its {@code format=} name, media type and file extension. */
public enum GraphFormat {
    CYTOSCAPE("cytoscape", "application/vnd.cytoscape+json", "cyjs", "application/json"),
    GRAPHML("graphml", "application/graphml+xml", "graphml", null),
    GEXF("gexf", "application/gexf+xml", "gexf", null),
    JSONLD("jsonld", "application/ld+json", "jsonld", null),
    TURTLE("turtle", "text/turtle", "ttl", null);

    private final String param;
    private final MediaType mediaType;
    private final String extension;
    private final MediaType alias;

    GraphFormat(String param, String mediaType, String extension, String alias) {
        this.param = param;
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.extension = extension;
        this.alias = alias == null ? null : MediaType.parseMediaType(alias);
    }

    public String param() {
        return param;
    }

    /** The type the response is sent with (Cytoscape JSON goes out as plain {@code application/json}). */
    public MediaType contentType() {
        return this == CYTOSCAPE ? alias : mediaType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<GraphFormat> byParam(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.param.equals(n) || f.extension.equals(n))
                .findFirst();
    }

    /**
     * The first format the Accept header allows, by quality; Cytoscape JSON for no header or a wildcard.
     * Empty when nothing fits (406).
     */
    public static Optional<GraphFormat> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(CYTOSCAPE);
        }
        List<MediaType> wanted;
        try {
            wanted = MediaType.parseMediaTypes(accept);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return Optional.empty();
        }
        wanted = new java.util.ArrayList<>(wanted);
        wanted.sort(
                java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType m : wanted) {
            if (m.getQualityValue() == 0) {
                continue;
            }
            for (GraphFormat f : values()) {
                if (m.includes(f.mediaType) && !m.isWildcardType()
                        || f.alias != null && m.includes(f.alias) && !m.isWildcardType()) {
                    return Optional.of(f);
                }
            }
            if (m.isWildcardType()) {
                return Optional.of(CYTOSCAPE);
            }
            if (m.equals(MediaType.TEXT_XML) || m.equals(MediaType.APPLICATION_XML)) {
                return Optional.of(GRAPHML);
            }
        }
        return Optional.empty();
    }
}
