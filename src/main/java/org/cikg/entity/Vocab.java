package org.cikg.entity;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.cikg.core.Namespaces;

/** The terms the pages read, as Jena resources. */
final class Vocab {
    static final Property PARAGRAPH = cikg("paragraph");
    static final Property CERTAINTY = cikg("certainty");
    static final Property START_YEAR = cikg("startYear");
    static final Property END_YEAR = cikg("endYear");
    static final Property FOUNDING_YEAR = cikg("foundingYear");
    static final Property RELEASE_YEAR = cikg("releaseYear");
    static final Property ABOUT = cikg("about");
    static final Property VALUE = cikg("value");
    static final Property UNIT = cikg("unit");
    static final Property YEAR = cikg("year");
    static final Property LINE_COUNT = cikg("lineCount");
    static final Property LOCATED_IN = cikg("locatedIn");
    static final Property WAS_DERIVED_FROM = ResourceFactory.createProperty(Namespaces.PROV, "wasDerivedFrom");
    static final Resource INDICATOR = ResourceFactory.createResource(Namespaces.CIKG + "Indicator");
    static final Resource EDITORIAL = ResourceFactory.createResource(Namespaces.CIKG + "EditorialKnowledge");

    private Vocab() {}

    static Property cikg(String local) {
        return ResourceFactory.createProperty(Namespaces.CIKG, local);
    }
}
