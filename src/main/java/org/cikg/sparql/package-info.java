/**
 * The query catalogue ({@code queries/**}{@code /*.rq}, parsed once at start-up; a missing or invalid file stops
 * start-up) and the one place queries run: parsed queries with request values bound as RDF terms, in a read
 * transaction, under the configured timeout.
 */
package org.cikg.sparql;
