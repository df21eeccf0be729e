package org.cikg.fuseki;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits the SPARQL endpoints enforce before Jena sees a request (bound from {@code kg.sparql.*}, next to
 * {@code kg.sparql.timeout} in {@link org.cikg.config.KgProperties}).
 *
 * @param maxBody   largest query or update, as a body or a query string (413 above, 414 for a query string)
 * @param maxUpload largest Graph Store Protocol upload on {@code /kg/data} (admin only)
 * @param maxDepth  deepest bracket nesting ({@code ( [ {}) in a query or update (400 above)
 */
@ConfigurationProperties("kg.sparql")
public record EndpointLimits(
        @DefaultValue("64KB") DataSize maxBody,
        @DefaultValue("16MB") DataSize maxUpload,
        @DefaultValue("64") int maxDepth) {

    public static EndpointLimits defaults() {
        return new EndpointLimits(DataSize.ofKilobytes(64), DataSize.ofMegabytes(16), 64);
    }
}
