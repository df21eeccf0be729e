/**
 * Why each inferred triple holds: the inference rules of {@code queries/inference/*.ru} walked backwards.
 *
 * <p>{@link org.cikg.explain.InferenceRules} reads each rule file once (its {@code # description:} line, the triple
 * its {@code INSERT} writes, its {@code WHERE} body). {@link org.cikg.explain.DerivationSearch} unifies a triple with
 * a rule's conclusion, runs the body with those values bound as RDF terms and reads the facts the body matched off
 * each answer: the rule's premises. It repeats that for premises that are themselves inferred, which gives every way
 * the triple could have been derived ({@link org.cikg.explain.Derivations}). {@link org.cikg.explain.Explainer}
 * picks the best one (only stated facts if possible, then the shortest) down to asserted facts with their sources
 * and certainty: {@code GET /api/explain} ({@link org.cikg.explain.ExplainController}), the entity pages' INFERRED
 * badges and the workbench's "explain" links. Nothing is recorded at load time: computing on demand was measured to
 * cost less than recording (docs/benchmarks.md, "Explanations").
 */
package org.cikg.explain;
