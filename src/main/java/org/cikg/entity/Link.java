package org.cikg.entity;

/**
 * A value as a page shows it: text, where it links (null for a literal or an unlinkable IRI), and the language of the
 * text (empty when untagged) for the {@code lang} attribute.
 */
public record Link(String text, String href, String lang) {}
