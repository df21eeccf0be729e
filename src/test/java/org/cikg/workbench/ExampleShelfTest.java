package org.cikg.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.cikg.problem.BadRequestException;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.SystemQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Examples are made by binding the header's example values as RDF terms into the parsed query. */
class ExampleShelfTest {
    /** An example value that would close the pattern and add an update if it were pasted as text. */
    private static final String INJECTION = "x> \u007d ; DROP ALL ; SELECT * \u007b <y";

    @TempDir
    Path folder;

    private CatalogQuery write(String example) throws IOException {
        // The catalogue needs every query the service asks for by name: the project's own, wherever they live.
        for (SystemQuery q : SystemQuery.values()) {
            Path target = folder.resolve(q.path() + ".rq");
            Files.createDirectories(target.getParent());
            Files.copy(Path.of("queries", q.path() + ".rq"), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(folder.resolve("founded.rq"), """
                # title: Founded in a year
                # description: Organisations of a class founded in a year, labelled in a language.
                # param: cls class required  The class
                # param: year year required  The year
                # param: lang lang optional  Label language
                # param: place entity optional  Where
                # example: %s
                PREFIX cikg: <https://w3id.org/cikg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?org ?label WHERE {
                  ?org a ?cls ; cikg:foundingYear ?year .
                  OPTIONAL { ?org cikg:locatedIn ?place }
                  OPTIONAL { ?org rdfs:label ?label FILTER(lang(?label) = ?lang) }
                }
                """.formatted(example));
        return new QueryCatalog(folder).get("founded");
    }

    @Test
    void exampleValuesAreBoundAsTypedTermsWithTheContractPrefixes() throws IOException {
        ExampleShelf.Example e = ExampleShelf.example(write("cls=Startup&year=2019&lang=fr"));
        Query q = QueryFactory.create(e.query());
        String pattern = q.getQueryPattern().toString();
        assertThat(pattern)
                .contains("<https://w3id.org/cikg/ontology#Startup>")
                .contains("\"2019\"^^<http://www.w3.org/2001/XMLSchema#gYear>")
                .contains("\"fr\"");
        org.apache.jena.sparql.syntax.ElementData values = (org.apache.jena.sparql.syntax.ElementData)
                ((org.apache.jena.sparql.syntax.ElementGroup) q.getQueryPattern()).get(0);
        assertThat(values.getVars())
                .extracting(org.apache.jena.sparql.core.Var::getVarName)
                .as("bound at the head of the WHERE group; a parameter without an example value stays free")
                .containsExactlyInAnyOrder("cls", "year", "lang");
        assertThat(q.getPrefixMapping().getNsPrefixMap()).containsAllEntriesOf(ContractPrefixes.ALL);
        assertThat(e.query()).startsWith("# Founded in a year\n# Organisations of a class");
        assertThat(e.params())
                .extracting(ExampleShelf.ExampleParam::value)
                .containsExactly("Startup", "2019", "fr", null);
    }

    @Test
    void anExampleValueThatIsNotATermOfItsTypeIsRefused() throws IOException {
        CatalogQuery q = write("cls=Startup&year=2019&place="
                + java.net.URLEncoder.encode(INJECTION, java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ExampleShelf.example(q))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("place");
        assertThatThrownBy(() -> new ExampleShelf(new QueryCatalog(folder)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("founded.rq");
    }

    @Test
    void theCatalogueQueryIsLeftUnchanged() throws IOException {
        CatalogQuery q = write("cls=Startup&year=2019");
        String before = q.query().serialize();
        ExampleShelf.example(q);
        assertThat(q.query().serialize()).isEqualTo(before);
        assertThat(q.query().getPrefixMapping().getNsPrefixMap()).doesNotContainKey("kgid");
    }
}
