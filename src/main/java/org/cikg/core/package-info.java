/**
 * What every feature needs and none may copy: the namespaces and the one prefix table
 * ({@link org.cikg.core.Namespaces}), the one choice of a label for a language
 * ({@link org.cikg.core.LabelPicker}), the one reading of the language a request asks for
 * ({@link org.cikg.core.RequestLanguage}), and the one way a query with bound values becomes text
 * ({@link org.cikg.core.BoundQuery}). Depends on {@code problem} and Jena only.
 */
package org.cikg.core;
