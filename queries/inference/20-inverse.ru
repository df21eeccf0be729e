# description: an inverse property holds the other way round (benefited from and beneficiary)
# Rule: owl:inverseOf, both directions (cikg:benefitedFrom <=> cikg:beneficiary).
PREFIX owl: <http://www.w3.org/2002/07/owl#>
INSERT { GRAPH <https://w3id.org/cikg/graph/inferred> { ?o ?q ?s } }
WHERE {
  { ?p owl:inverseOf ?q } UNION { ?q owl:inverseOf ?p }
  FILTER(isIRI(?p) && isIRI(?q))
  ?s ?p ?o .
  FILTER(!isLiteral(?o))
  FILTER NOT EXISTS { ?o ?q ?s }
}
