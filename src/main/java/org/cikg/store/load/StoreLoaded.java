package org.cikg.store.load;

/**
 * Published after a load committed new contents to the store (not when an unchanged store was left as it was).
 * Listeners that derive something from the data (the search index) rebuild on it.
 *
 * @param report what the load did, with the new data hash
 */
public record StoreLoaded(LoadReport report) {}
