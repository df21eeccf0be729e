package org.cikg.curation;

import java.util.Set;

/** An entity at a place in a line: its IRI, its classes, where it is named, and whether it is a new entity. */
record Occ(String iri, Set<String> types, int start, int end, boolean fresh) {}
