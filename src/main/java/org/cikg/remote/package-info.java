/**
 * A remote SPARQL 1.1 store ({@code kg.store.mode=remote}): one bounded HTTP client with timeouts and basic-auth
 * credentials ({@link org.cikg.remote.RemoteEndpoint}), the {@link org.cikg.sparql.QueryRunner} that sends the
 * catalogue queries there ({@link org.cikg.remote.RemoteRunner}), values bound into the parsed query before it is
 * serialised, and the push that writes a staged load into it through staging graphs switched in with one update
 * request ({@link org.cikg.remote.GraphStorePush}). Connection faults become
 * {@link org.cikg.problem.StoreUnavailableException} (503).
 */
package org.cikg.remote;
