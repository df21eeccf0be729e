# description: a symmetric property holds both ways (partner, met with)
# Rule: owl:SymmetricProperty (cikg:partner, cikg:metWith).
PREFIX owl: <http://www.w3.org/2002/07/owl#>
INSERT { GRAPH <https://w3id.org/cikg/graph/inferred> { ?o ?p ?s } }
WHERE {
  ?p a owl:SymmetricProperty .
  ?s ?p ?o .
  FILTER(!isLiteral(?o))
  FILTER NOT EXISTS { ?o ?p ?s }
}
