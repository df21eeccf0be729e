package org.cikg.problem;

import java.util.List;

/**
 * An entity named in a request that the graph does not hold (404), with the entities whose slug or English name
 * shares a word with it: the problem+json answer lists them as {@code suggestions} ({@code id}, {@code label},
 * {@code page}), as the HTML "did you mean" page does.
 */
public class UnknownEntityException extends NotFoundException {
    private final transient List<Suggestion> suggestions;

    public UnknownEntityException(String message, List<Suggestion> suggestions) {
        super(message);
        this.suggestions = List.copyOf(suggestions);
    }

    public List<Suggestion> suggestions() {
        return suggestions;
    }

    /**
     * One "did you mean".
     *
     * @param id    the entity IRI
     * @param label its English name
     * @param page  its page, {@code /page/{slug}}
     */
    public record Suggestion(String id, String label, String page) {}
}
