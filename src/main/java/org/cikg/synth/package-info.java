/**
 * Synthetic graphs for scale tests and benchmarks: a streaming, seeded generator that writes the curated dataset
 * unchanged followed by millions of made-up places, organisations, people, policies and indicators in the same
 * ontology and shape (every claim with its statement node and source), and the {@code generate} command around it.
 */
package org.cikg.synth;
