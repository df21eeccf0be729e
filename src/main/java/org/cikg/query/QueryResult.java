package org.cikg.query;

import java.util.List;
import java.util.Map;

/**
 * The JSON answer of a catalogue query ({@code application/json}).
 *
 * <pre>
 * {
 *   "query":   {"name": "policy-beneficiaries", "title": "Policy beneficiaries",
 *               "source": "http://host/api/queries/policy-beneficiaries.rq",
 *               "parameters": {"policy": "https://w3id.org/cikg/id/eagle-project", "lang": "en"}},
 *   "columns": ["organization", "certainty", "source", "paragraph"],
 *   "rows":    [{"organization": {"value": "https://w3id.org/cikg/id/unitree-robotics", "type": "iri",
 *                                 "label": "Unitree Robotics"},
 *                "certainty": {"value": "stated", "type": "literal",
 *                              "datatype": "http://www.w3.org/2001/XMLSchema#string"}, ...}],
 *   "rowCount": 1, "truncated": false, "rowLimit": 1000
 * }
 * </pre>
 *
 * @param query     which query ran, with a link to its text and the parameters as bound (RDF terms)
 * @param columns   the result columns in order; a column {@code xLabel} next to a column {@code x} is not listed:
 *                  it becomes the {@code label} of {@code x}'s cells
 * @param rows      one object per row; an unbound column is absent from the row
 * @param rowCount  the number of rows returned
 * @param truncated whether the query had more rows than {@code rowLimit}
 * @param rowLimit  the most rows a call returns
 */
record QueryResult(
        Ran query, List<String> columns, List<Map<String, Cell>> rows, int rowCount, boolean truncated, int rowLimit) {

    /** Which query ran. */
    record Ran(String name, String title, String source, Map<String, String> parameters) {}

    /**
     * One value.
     *
     * @param value    the IRI, or the literal's lexical form
     * @param type     {@code iri}, {@code literal} or {@code bnode}
     * @param label    for an IRI: its label in the requested language, else English (from the {@code xLabel} column)
     * @param datatype for a literal without a language: its datatype IRI
     * @param lang     for a language-tagged literal: its tag
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Cell(String value, String type, String label, String datatype, String lang) {}
}
