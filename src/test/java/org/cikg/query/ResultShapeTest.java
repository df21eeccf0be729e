package org.cikg.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/** The JSON result shape, Accept negotiation and Accept-Language fallback, without Spring. */
class ResultShapeTest {

    @Test
    void labelCompanionColumnsFoldIntoTheirColumn() {
        List<Var> vars = List.of(Var.alloc("org"), Var.alloc("orgLabel"), Var.alloc("year"), Var.alloc("kindLabel"));
        List<String> columns = ResultRenderer.columns(vars);
        assertThat(columns).containsExactly("org", "year", "kindLabel");

        var row = BindingFactory.binding(
                Var.alloc("org"),
                NodeFactory.createURI("https://w3id.org/cikg/id/deepseek"),
                Var.alloc("orgLabel"),
                NodeFactory.createLiteralLang("深度求索", "zh"),
                Var.alloc("year"),
                NodeFactory.createLiteralDT("2023", XSDDatatype.XSDgYear));
        var cells = ResultRenderer.rows(columns, List.of(row)).get(0);
        assertThat(cells.get("org"))
                .isEqualTo(new QueryResult.Cell("https://w3id.org/cikg/id/deepseek", "iri", "深度求索", null, null));
        assertThat(cells.get("year").datatype()).isEqualTo(XSDDatatype.XSDgYear.getURI());
        assertThat(cells).doesNotContainKey("kindLabel");
    }

    @Test
    void languageTaggedLiteralsCarryTheirTagNotADatatype() {
        QueryResult.Cell c = ResultRenderer.cell(NodeFactory.createLiteralLang("Ханчжоу", "ru"), null);
        assertThat(c.lang()).isEqualTo("ru");
        assertThat(c.datatype()).isNull();
    }

    @Test
    void acceptPicksByQualityAndDefaultsToJson() throws Exception {
        assertThat(QueryController.negotiate(null)).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(QueryController.negotiate("text/html,application/xhtml+xml,*/*;q=0.8"))
                .isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(QueryController.negotiate("text/csv;q=0.9, application/sparql-results+json"))
                .isEqualTo(QueryController.SPARQL_JSON);
        assertThat(QueryController.negotiate("text/*")).isEqualTo(QueryController.CSV);
        assertThatThrownBy(() -> QueryController.negotiate("image/png"))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
    }

    @Test
    void acceptLanguageGivesThePrimarySubtagOrEnglish() {
        assertThat(ParameterBinder.fromAcceptLanguage("zh-Hans-CN,zh;q=0.9,en;q=0.5"))
                .isEqualTo("zh");
        assertThat(ParameterBinder.fromAcceptLanguage("fr-CH, fr;q=0.9")).isEqualTo("fr");
        assertThat(ParameterBinder.fromAcceptLanguage("*")).isEqualTo("en");
        assertThat(ParameterBinder.fromAcceptLanguage("} UNION {")).isEqualTo("en");
        assertThat(ParameterBinder.fromAcceptLanguage(null)).isEqualTo("en");
    }
}
