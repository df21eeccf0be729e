package org.cikg.problem;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The one mapping from exceptions to statuses, as RFC 9457 problem details. Spring MVC's own exceptions (unsupported
 * media type 415, not acceptable 406, missing parameter 400, method not allowed 405, no handler 404) come from
 * {@link ResponseEntityExceptionHandler}; ours are added here.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);
    /** A reader who leaves while a page is written is not an error of the service: one DEBUG line, no stack trace. */
    private static final DisconnectedClientHelper DISCONNECTED =
            new DisconnectedClientHelper(ProblemAdvice.class.getName() + ".disconnected");

    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    @ExceptionHandler({NotFoundException.class, UnknownQueryException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
        ResponseEntity<ProblemDetail> r = problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
        if (e instanceof UnknownEntityException u) {
            r.getBody().setProperty("suggestions", u.suggestions());
        }
        return r;
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Too large", e.getMessage());
    }

    @ExceptionHandler(QueryTimeoutException.class)
    ResponseEntity<ProblemDetail> timeout(QueryTimeoutException e) {
        ResponseEntity<ProblemDetail> r = problem(HttpStatus.SERVICE_UNAVAILABLE, "Query timed out", e.getMessage());
        return ResponseEntity.status(r.getStatusCode())
                .headers(r.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(r.getBody());
    }

    @ExceptionHandler(TooManyQueriesException.class)
    ResponseEntity<ProblemDetail> busy(TooManyQueriesException e) {
        ResponseEntity<ProblemDetail> r = problem(HttpStatus.SERVICE_UNAVAILABLE, "Too many queries", e.getMessage());
        return ResponseEntity.status(r.getStatusCode())
                .headers(r.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, TooManyQueriesException.RETRY_AFTER_SECONDS)
                .body(r.getBody());
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException e) {
        LOG.warn("Store unavailable: {}", e.getMessage());
        ResponseEntity<ProblemDetail> r = problem(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable", e.getMessage());
        return ResponseEntity.status(r.getStatusCode())
                .headers(r.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(r.getBody());
    }

    @ExceptionHandler(StoreRefusedException.class)
    ResponseEntity<ProblemDetail> storeRefused(StoreRefusedException e) {
        LOG.error("Store refused a request: {}", e.getMessage(), e);
        return problem(HttpStatus.BAD_GATEWAY, "Store refused the request", e.getMessage());
    }

    @ExceptionHandler(EmbeddedOnlyException.class)
    ResponseEntity<ProblemDetail> embeddedOnly(EmbeddedOnlyException e) {
        return problem(HttpStatus.CONFLICT, "Not available with a remote store", e.getMessage());
    }

    @ExceptionHandler(ReadOnlyStoreException.class)
    ResponseEntity<ProblemDetail> readOnly(ReadOnlyStoreException e) {
        return problem(HttpStatus.CONFLICT, "Read-only replica", e.getMessage());
    }

    @ExceptionHandler(DataLoadException.class)
    ResponseEntity<ProblemDetail> badData(DataLoadException e) {
        return problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Data not loaded; the store keeps its previous contents",
                e.getMessage());
    }

    @ExceptionHandler(AdminAuthException.class)
    ResponseEntity<ProblemDetail> unauthorized(AdminAuthException e) {
        String title = switch (e.status()) {
            case UNAUTHORIZED -> "Authentication required";
            case TOO_MANY_REQUESTS -> "Too many failed logins";
            default -> "Not available";
        };
        ResponseEntity<ProblemDetail> r = problem(e.status(), title, e.getMessage());
        HttpHeaders h = new HttpHeaders();
        h.putAll(r.getHeaders());
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            h.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"cikg admin\"");
        }
        if (e.status() == HttpStatus.TOO_MANY_REQUESTS) {
            h.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return ResponseEntity.status(r.getStatusCode()).headers(h).body(r.getBody());
    }

    /** Tomcat refuses to parse a form above {@code server.tomcat.max-http-form-post-size} (413) or malformed (400). */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameters(org.apache.tomcat.util.http.InvalidParameterException e) {
        HttpStatus status = HttpStatus.resolve(e.getErrorCode());
        if (status == HttpStatus.CONTENT_TOO_LARGE) {
            return problem(status, "Content too large", "The form is larger than this service accepts.");
        }
        return problem(HttpStatus.BAD_REQUEST, "Bad request", "The request parameters could not be parsed.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DISCONNECTED.checkAndLogClientDisconnectedException(e)) {
            return null; // nobody is left to read an answer
        }
        LOG.error("Unexpected error", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "The service failed to answer this request; the error has been logged.");
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}
