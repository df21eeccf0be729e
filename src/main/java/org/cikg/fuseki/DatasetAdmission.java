package org.cikg.fuseki;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.cikg.problem.TooManyQueriesException;
import org.cikg.sparql.QueryAdmission;

/**
 * Admission for requests to a dataset (any method but {@code OPTIONS}): beyond the {@link QueryAdmission} limits (in
 * all, or from this client address) the request is answered 503 with {@code Retry-After} at once.
 */
final class DatasetAdmission {
    private final QueryAdmission admission;
    private final List<String> datasets;

    DatasetAdmission(QueryAdmission admission, List<String> datasets) {
        this.admission = admission;
        this.datasets = List.copyOf(datasets);
    }

    /** What {@link #admit} decided: {@code refused} (the 503 written), or admitted with a permit (null: not counted). */
    record Ticket(boolean refused, QueryAdmission.Permit permit) implements AutoCloseable {
        static final Ticket FREE = new Ticket(false, null);
        static final Ticket REFUSED = new Ticket(true, null);

        @Override
        public void close() {
            if (permit != null) {
                permit.close();
            }
        }
    }

    Ticket admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("OPTIONS".equals(request.getMethod()) || !underDataset(request.getRequestURI())) {
            return Ticket.FREE;
        }
        try {
            return new Ticket(false, admission.admit(request.getRemoteAddr()));
        } catch (TooManyQueriesException e) {
            response.setHeader("Retry-After", TooManyQueriesException.RETRY_AFTER_SECONDS);
            ProblemBody.write(response, 503, "Too many queries", e.getMessage());
            return Ticket.REFUSED;
        }
    }

    private boolean underDataset(String path) {
        for (String d : datasets) {
            if (path.equals(d) || path.startsWith(d + "/")) {
                return true;
            }
        }
        return false;
    }
}
