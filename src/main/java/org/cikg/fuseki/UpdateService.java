package org.cikg.fuseki;

import java.io.InputStream;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.update.UpdateException;

/**
 * Fuseki's SPARQL Update operation, with the request's own mistakes answered 400 instead of 500. Fuseki 5.6.0 reports
 * an {@link UpdateException} raised while the operations run (an {@code ADD}, {@code COPY}, {@code MOVE} or
 * {@code CLEAR} of a graph that does not exist, without {@code SILENT}; {@code using-graph-uri} given with an update
 * that has {@code WITH} or {@code USING}) as a server error. The transaction has been aborted by then, so nothing
 * of the request was applied; only the status changes. Any other failure stays a 500.
 */
final class UpdateService extends SPARQL_Update {

    @Override
    protected void execute(HttpAction action, InputStream input) {
        try {
            super.execute(action, input);
        } catch (ActionErrorException e) {
            if (e.getRC() >= 500 && causedByTheRequest(e)) {
                ServletOps.errorBadRequest(e.getMessage() == null ? "The update cannot be applied" : e.getMessage());
            }
            throw e;
        }
    }

    /**
     * Whether the update engine refused the request: Fuseki reports an {@link UpdateException} it catches itself
     * without a cause, and one wrapped in another exception with it; any other failure carries its cause.
     */
    private static boolean causedByTheRequest(ActionErrorException e) {
        if (e.getCause() == null) {
            return true;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof UpdateException) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }
}
