# description: a member of a class is a member of its super-classes (a Startup is a Company and an Organization)
# Rule: rdfs:subClassOf. An instance of a class is an instance of each of its super-classes in our namespace
# (a cikg:Startup is a cikg:Company and a cikg:Organization). Alignments to outside vocabularies are not materialised.
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
INSERT { GRAPH <https://w3id.org/cikg/graph/inferred> { ?s a ?super } }
WHERE {
  ?c rdfs:subClassOf+ ?super .
  FILTER(isIRI(?super) && ?super != ?c && STRSTARTS(STR(?super), "https://w3id.org/cikg/ontology#"))
  ?s a ?c .
  FILTER NOT EXISTS { ?s a ?super }
}
