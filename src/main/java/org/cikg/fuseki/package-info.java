/**
 * The embedded Fuseki SPARQL endpoints over the store's dataset object: public read-only query and Graph Store
 * read; update and Graph Store write only when an admin password is configured, and then behind HTTP basic auth.
 */
package org.cikg.fuseki;
