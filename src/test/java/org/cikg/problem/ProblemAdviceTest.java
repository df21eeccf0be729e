package org.cikg.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The catch-all answer: a 500 problem for a real failure, nothing at all for a reader who has gone away. */
class ProblemAdviceTest {
    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void aClientThatLeftWhileThePageWasWrittenGetsNoAnswerAndNoErrorLine() {
        Exception gone = new UncheckedIOException(new ClientAbortException(new IOException("Broken pipe")));
        assertThat(advice.unexpected(gone)).isNull();
    }

    @Test
    void anyOtherFailureIsAProblemWithStatus500() {
        ResponseEntity<ProblemDetail> answer = advice.unexpected(new IllegalStateException("boom"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getTitle()).isEqualTo("Internal error");
    }
}
