/**
 * The named, parameterised questions as a REST API: {@code GET /api/queries} lists the public catalogue (the
 * top-level {@code queries/*.rq} files), {@code GET /api/queries/{name}.rq} serves a query's text, and
 * {@code GET /api/queries/{name}?param=value} validates each parameter by its declared type, binds it as an RDF
 * term into the parsed query, runs it, and answers in JSON, SPARQL JSON or CSV by {@code Accept}.
 */
package org.cikg.query;
