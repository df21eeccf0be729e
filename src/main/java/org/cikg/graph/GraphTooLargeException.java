package org.cikg.graph;

import org.cikg.problem.PayloadTooLargeException;

/** The sub-graph asked for has more edges than the limit: 413 with advice on how to narrow it. */
class GraphTooLargeException extends PayloadTooLargeException {
    GraphTooLargeException(int limit, String advice) {
        super("The sub-graph has more than " + limit + " edges, the limit. " + advice);
    }
}
