package org.cikg.problem;

/**
 * A remote SPARQL store answered a request of ours with a 4xx: it is up, but refused what the service sent (a query
 * its dialect does not accept, credentials it does not take). Not the client's fault and not worth a retry: served
 * as 502 Bad Gateway, naming the store and its answer, and logged for the operator.
 */
public class StoreRefusedException extends RuntimeException {
    public StoreRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
