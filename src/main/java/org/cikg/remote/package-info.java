/**
 * A remote SPARQL 1.1 store ({@code kg.store.mode=remote}): one bounded HTTP client with timeouts and basic-auth
 * credentials ({@link org.cikg.remote.RemoteEndpoint}), and the {@link org.cikg.sparql.QueryRunner} that sends the
 * catalogue queries there ({@link org.cikg.remote.RemoteRunner}), values bound into the parsed query before it is
 * serialised. Connection faults become {@link org.cikg.sparql.StoreUnavailableException} (503).
 */
package org.cikg.remote;
