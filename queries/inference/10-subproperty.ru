# description: a sub-property implies its super-properties (headquartered in implies located in)
# Rule: rdfs:subPropertyOf. A triple with a property implies the same triple with each of its super-properties in
# our namespace (cikg:headquarteredIn => cikg:locatedIn). Alignments to outside vocabularies are not materialised.
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
INSERT { GRAPH <https://w3id.org/cikg/graph/inferred> { ?s ?super ?o } }
WHERE {
  ?p rdfs:subPropertyOf+ ?super .
  FILTER(isIRI(?super) && ?super != ?p && STRSTARTS(STR(?super), "https://w3id.org/cikg/ontology#"))
  ?s ?p ?o .
  FILTER NOT EXISTS { ?s ?super ?o }
}
