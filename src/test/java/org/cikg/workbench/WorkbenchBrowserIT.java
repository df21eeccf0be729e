package org.cikg.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The workbench in a real headless Chromium: examples, running, table, graph, shared links, errors, completion. */
class WorkbenchBrowserIT extends ServiceITBase {
    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private long number(String script) {
        return ((Number) browser.js("return " + script)).longValue();
    }

    private void runPolicyBeneficiariesExample() {
        browser.openWorkbench(facade("/sparql-ui"));
        browser.click("button.example[data-name='policy-beneficiaries']");
        assertThat((String) browser.js("return cikgWorkbench.query()")).contains("kgid:eagle-project");
        browser.click("#run");
        browser.until(d -> browser.text("#view-table").contains("Unitree Robotics"));
    }

    @Test
    void policyBeneficiariesExampleShowsUnitreeInTheTableThenAsAGraph() {
        runPolicyBeneficiariesExample();
        WebElement unitree = browser.driver().findElement(By.linkText("Unitree Robotics"));
        assertThat(unitree.getAttribute("href")).endsWith("/page/unitree-robotics");
        assertThat(browser.text("#view-table")).contains("stated").contains("?organizationLabel");
        assertThat(browser.text("#status")).matches("\\d+ rows? in \\d+ ms");
        browser.screenshot("workbench-table");

        browser.click("[data-view='graph']");
        browser.until(d -> number("cikgWorkbench.graphNodesInView()") > 0);
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) browser.js("return cikgWorkbench.graphLabels()");
        assertThat(labels).contains("Unitree Robotics");
        assertThat(number("cikgWorkbench.graphNodesInView()")).isEqualTo(number("cikgWorkbench.graphNodeCount()"));
        assertThat(browser.find("#graph canvas").isDisplayed()).isTrue();
        assertThat(browser.currentUrl()).contains("view=graph");
        browser.js("document.getElementById('view-graph').scrollIntoView()");
        browser.screenshot("workbench-graph");

        // The GraphML download, read back by an independent consumer (networkx).
        String graphml = (String) browser.js("return cikgWorkbench.graphml()");
        assertThat(networkxNodesAndEdges(graphml))
                .isEqualTo(number("cikgWorkbench.graphNodeCount()") + " " + number("cikgWorkbench.graphEdgeCount()"));
        assertThat(((String) browser.js("return cikgWorkbench.csv()")).lines().toList())
                .first()
                .isEqualTo("organization,organizationLabel,certainty,source,sourceLabel,paragraph,"
                        + "reported,reportedBound,reportedBoundLabel,reportedSource,reportedParagraph,named");
        // The download carries the count the article reports beside the one beneficiary it names.
        assertThat((String) browser.js("return cikgWorkbench.csv()"))
                .contains("https://w3id.org/cikg/id/unitree-robotics,Unitree Robotics,stated,")
                .contains(",https://w3id.org/cikg/ontology#Approximately,Approximately,");
    }

    /** "nodes edges" as networkx counts them in the GraphML. */
    private static String networkxNodesAndEdges(String graphml) {
        try {
            Path file = Files.createTempFile("workbench-", ".graphml");
            Files.writeString(file, graphml);
            Process p = new ProcessBuilder(
                            "/usr/bin/python3",
                            "-c",
                            "import sys, networkx as nx; g = nx.read_graphml(sys.argv[1]); "
                                    + "print(g.number_of_nodes(), g.number_of_edges())",
                            file.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.waitFor()).as(out).isZero();
            Files.delete(file);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sharedLinkBringsBackTheSameQueryAndView() {
        runPolicyBeneficiariesExample();
        browser.click("[data-view='graph']");
        String query = (String) browser.js("return cikgWorkbench.query()");
        browser.click("#share");
        String link = browser.find("#share-url").getAttribute("value");
        assertThat(link).startsWith(facade("/sparql-ui#"));

        browser.openWorkbench(link);
        assertThat((String) browser.js("return cikgWorkbench.query()")).isEqualTo(query);
        assertThat((String) browser.js("return cikgWorkbench.view()")).isEqualTo("graph");
        browser.until(d -> number("cikgWorkbench.graphNodeCount()") > 0);
        browser.js("document.getElementById('view-graph').scrollIntoView()");
        browser.screenshot("workbench-shared-link");
    }

    @Test
    void constructResultIsDrawnAsAGraphOfItsTriples() {
        browser.openWorkbench(facade("/sparql-ui#view=graph&query=" + enc("""
                PREFIX cikg: <https://w3id.org/cikg/ontology#>
                PREFIX kgid: <https://w3id.org/cikg/id/>
                CONSTRUCT { ?org cikg:benefitedFrom ?policy . ?policy cikg:issuedBy ?issuer }
                WHERE { ?org cikg:benefitedFrom ?policy OPTIONAL { ?policy cikg:issuedBy ?issuer } }""")));
        browser.until(d -> number("cikgWorkbench.graphNodeCount()") > 2);
        assertThat(browser.text("#status")).matches("\\d+ triples in \\d+ ms");
        assertThat(browser.text("#graph-note")).contains("Subjects and objects");
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) browser.js("return cikgWorkbench.graphLabels()");
        assertThat(labels).contains("Unitree Robotics", "Eagle Project");
        browser.js("document.getElementById('view-graph').scrollIntoView()");
        browser.screenshot("workbench-construct-graph");
    }

    @Test
    void syntaxErrorShowsTheEndpointMessageWithLineAndColumn() {
        browser.openWorkbench(facade("/sparql-ui#view=table&query=" + enc("SELECT * WHERE {\n  ?s ?p\n}")));
        browser.until(d -> browser.find("#error").isDisplayed());
        assertThat(browser.text("#error"))
                .contains("line 3, column 1")
                .contains("HTTP 400")
                .contains("Encountered");
        browser.screenshot("workbench-error");
    }

    @Test
    void editorCompletesOntologyTermsAndHighlightsSyntax() {
        browser.openWorkbench(facade("/sparql-ui"));
        WebElement content = browser.find(".cm-content");
        content.click();
        content.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        content.sendKeys("SELECT ?c WHERE { ?c a cikg:Star");
        browser.until(
                d -> !d.findElements(By.cssSelector(".cm-tooltip-autocomplete")).isEmpty()
                        && browser.text(".cm-tooltip-autocomplete").contains("cikg:Startup"));
        browser.screenshot("workbench-autocomplete");
        content.sendKeys(Keys.ENTER);
        assertThat((String) browser.js("return cikgWorkbench.query()")).contains("?c a cikg:Startup");
        // The SPARQL mode marks keywords and variables with their own token classes.
        assertThat(browser.driver().findElements(By.cssSelector(".cm-line span")))
                .hasSizeGreaterThan(2);
    }

    @Test
    void timelineViewPlacesRowsByTheirYearColumn() {
        browser.openWorkbench(facade("/sparql-ui#view=timeline&query=" + enc("""
                PREFIX cikg: <https://w3id.org/cikg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?org ?orgLabel ?foundingYear WHERE {
                  ?org cikg:foundingYear ?foundingYear ; rdfs:label ?orgLabel FILTER(lang(?orgLabel) = "en")
                }""")));
        browser.until(d ->
                !d.findElements(By.cssSelector("#view-timeline .timeline .row")).isEmpty());
        assertThat(browser.text("#view-timeline"))
                .contains("placed by ?foundingYear")
                .contains("DeepSeek");
        browser.screenshot("workbench-timeline");
    }
}
