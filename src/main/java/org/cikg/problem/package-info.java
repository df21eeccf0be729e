/**
 * The exceptions every layer throws for a request that cannot be answered (a bad value, something not found, a
 * store that does not answer, data that does not load) and the one {@code @RestControllerAdvice}
 * ({@link org.cikg.problem.ProblemAdvice}) that maps each to its status as an RFC 9457
 * {@code application/problem+json} response. Depends on nothing else of the service, so any package may throw
 * these.
 */
package org.cikg.problem;
