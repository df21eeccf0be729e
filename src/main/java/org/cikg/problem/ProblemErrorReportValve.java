package org.cikg.problem;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * The error pages Tomcat writes itself, for requests that never reach Spring (a request line or URI it cannot
 * parse, an invalid character in the path), as RFC 9457 {@code application/problem+json} like every other error of
 * the facade, in place of Tomcat's HTML page. Installed as the host's error report valve by
 * {@link ContainerErrorPages}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        HttpStatus s = HttpStatus.resolve(status);
        String title = s == null ? "Error" : s.getReasonPhrase();
        try {
            Writer w = response.getReporter();
            if (w == null) {
                return; // the response is already being written, or the connection is gone
            }
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            w.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                    + title + " (refused by the web server before the application saw it).\"}");
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // nothing more can be written to this response
        }
    }
}
