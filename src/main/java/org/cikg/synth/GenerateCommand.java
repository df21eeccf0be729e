package org.cikg.synth;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;

/**
 * {@code java -jar cikg.jar generate --triples 1M --seed 42 --out synth.nt.gz [--ontology DIR] [--data DIR]}:
 * writes a synthetic graph (see {@link SyntheticGraphWriter}) as N-Triples ({@code .nt}) or streamed Turtle
 * ({@code .ttl}), gzipped when the name ends in {@code .gz}. Sizes take {@code k} and {@code M} suffixes.
 * No Spring context: it only needs the curated files.
 */
public final class GenerateCommand {
    private GenerateCommand() {}

    public static int run(String[] args) {
        long triples = 1_000_000;
        long seed = 42;
        Path out = null;
        Path ontology = Path.of("ontology");
        Path data = Path.of("data");
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--triples" -> triples = parseSize(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--out" -> out = Path.of(value);
                case "--ontology" -> ontology = Path.of(value);
                case "--data" -> data = Path.of(value);
                default -> {
                    System.err.println("Unknown option " + a + "\nUsage: generate --triples 1M --seed 42 --out FILE"
                            + "[.nt|.nt.gz|.ttl|.ttl.gz] [--ontology DIR] [--data DIR]");
                    return 2;
                }
            }
            i++;
        }
        if (out == null) {
            System.err.println("generate: --out FILE is required");
            return 2;
        }
        long t0 = System.nanoTime();
        SyntheticGraphWriter.Result r = write(out, ontology, data, triples, seed);
        long ms = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
        System.out.printf(
                "Wrote %s: %d triples (%d curated) in %d ms (%d triples/s): %d places, %d organisations, "
                        + "%d people, %d policies, %d indicators, %d statements, %d sources%n",
                out,
                r.triples(),
                r.curatedTriples(),
                ms,
                r.triples() * 1000 / ms,
                r.places(),
                r.organisations(),
                r.people(),
                r.policies(),
                r.indicators(),
                r.statements(),
                r.sources());
        return 0;
    }

    /** Writes the graph to {@code out}, choosing the syntax and compression from the file name. */
    public static SyntheticGraphWriter.Result write(Path out, Path ontology, Path data, long triples, long seed) {
        String name = out.getFileName().toString();
        boolean gzip = name.endsWith(".gz");
        String base = gzip ? name.substring(0, name.length() - 3) : name;
        RDFFormat format;
        if (base.endsWith(".nt")) {
            format = RDFFormat.NTRIPLES_UTF8;
        } else if (base.endsWith(".ttl")) {
            format = RDFFormat.TURTLE_BLOCKS;
        } else {
            throw new IllegalArgumentException(out + ": name it .nt, .ttl, .nt.gz or .ttl.gz");
        }
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            try (OutputStream file = Files.newOutputStream(out);
                    OutputStream os =
                            gzip ? new GZIPOutputStream(file, 1 << 16) : new BufferedOutputStream(file, 1 << 16)) {
                StreamRDF sink = StreamRDFWriter.getWriterStream(os, format);
                sink.start();
                SyntheticGraphWriter.Result r = new SyntheticGraphWriter(seed).write(ontology, data, triples, sink);
                sink.finish();
                return r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "1M", "10M", "250k", "1000000". */
    static long parseSize(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        long mult = 1;
        if (t.endsWith("m")) {
            mult = 1_000_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("k")) {
            mult = 1_000;
            t = t.substring(0, t.length() - 1);
        }
        return Math.round(Double.parseDouble(t) * mult);
    }
}
