/**
 * Entity pages and Linked Data: {@code /id/{slug}} dereferencing with content negotiation (303 to the HTML page or
 * to an RDF document), {@code /data/{slug}.{ttl,jsonld,nt,rdf}}, the HTML pages (entity, source document, class
 * listing, home), the ontology documentation at {@code /ontology}, the VoID description at
 * {@code /.well-known/void} and the SPARQL service description. Everything shown comes from the
 * {@code queries/system/*.rq} files through {@link org.cikg.sparql.QueryRunner}; pages are Thymeleaf templates
 * that escape every value they print.
 */
package org.cikg.entity;
