package org.cikg.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A query past the limit: the workbench says it timed out (same 1 s context as QueryTimeoutIT), and a streamed
 * result the endpoint cut off is reported as such, not drawn as if it were whole.
 */
@TestPropertySource(properties = "kg.sparql.timeout=1s")
class WorkbenchTimeoutBrowserIT extends ServiceITBase {

    @Test
    void queryPastTheLimitIsReportedAsATimeout() {
        try (Browser browser = new Browser()) {
            browser.openWorkbench(facade("/sparql-ui#view=table&query="
                    + enc("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")));
            browser.until(d -> browser.find("#error").isDisplayed());
            assertThat(browser.text("#error"))
                    .contains("timed out")
                    .contains("1 s limit")
                    .contains("HTTP 503");
            browser.screenshot("workbench-timeout");
        }
    }

    @Test
    void resultCutWhileStreamingIsReportedAsCutOffNotShown() {
        try (Browser browser = new Browser()) {
            browser.openWorkbench(
                    facade("/sparql-ui#view=table&query=" + enc("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }")));
            browser.until(d -> browser.find("#error").isDisplayed());
            assertThat(browser.text("#error"))
                    .contains("cut off")
                    .contains("1 s limit")
                    .doesNotContain("Could not reach");
        }
    }
}
