# description: a transitive property chains (located in: district, city, province, region, country)
# Rule: owl:TransitiveProperty (cikg:locatedIn): one step of the closure per round; the loader repeats the rules
# until a round adds nothing, so the full closure is materialised (Binjiang District -> Hangzhou -> Zhejiang -> China).
PREFIX owl: <http://www.w3.org/2002/07/owl#>
INSERT { GRAPH <https://w3id.org/cikg/graph/inferred> { ?s ?p ?o } }
WHERE {
  ?p a owl:TransitiveProperty .
  ?s ?p ?m .
  ?m ?p ?o .
  FILTER(?s != ?o)
  FILTER NOT EXISTS { ?s ?p ?o }
}
