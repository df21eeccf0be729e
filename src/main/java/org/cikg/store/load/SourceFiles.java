package org.cikg.store.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.cikg.problem.DataLoadException;
import org.cikg.store.Graphs;

/**
 * The RDF files a load reads, in a stable order, and the SHA-256 of their names and contents (plus the inference
 * rules, whose output is part of the store). Equal hash means nothing to reload.
 *
 * @param files the files with the graph each goes into
 * @param hash  hex SHA-256 over relative names and bytes
 */
public record SourceFiles(List<SourceFile> files, String hash) {

    /** One file to load. */
    public record SourceFile(Path path, Node graph, Lang lang) {}

    /** Turtle, TriG, N-Triples and N-Quads files below the folders, sorted by path. */
    public static SourceFiles scan(Path ontology, Path data, List<Path> extraHashed) {
        return scan(ontology, data, List.of(), extraHashed);
    }

    /**
     * As {@link #scan(Path, Path, List)}, plus the gazetteer's files (Turtle, gzipped or not) into the data graph
     * after the curated data; a missing one stops the load.
     */
    public static SourceFiles scan(Path ontology, Path data, List<Path> gazetteer, List<Path> extraHashed) {
        List<SourceFile> files = new ArrayList<>();
        files.addAll(rdfFiles(ontology, Graphs.ONTOLOGY));
        files.addAll(rdfFiles(data, Graphs.DATA));
        for (Path g : gazetteer) {
            if (!Files.isRegularFile(g)) {
                throw new DataLoadException(g + ": gazetteer file not found (set kg.store.gazetteer-folder, or "
                        + "kg.store.gazetteer=none)");
            }
            files.add(new SourceFile(g, Graphs.DATA, Lang.TURTLE));
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (SourceFile f : files) {
                digest.update(f.graph().getURI().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(f.path().getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(f.path()));
            }
            for (Path p : extraHashed) {
                digest.update(p.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(p));
            }
            return new SourceFiles(List.copyOf(files), HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<SourceFile> rdfFiles(Path folder, Node graph) {
        if (!Files.isDirectory(folder)) {
            throw new DataLoadException(folder + ": folder not found (set kg.store.ontology / kg.store.data)");
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .sorted()
                    .map(p -> new SourceFile(p, graph, langOf(p)))
                    .filter(f -> f.lang() != null)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Lang langOf(Path p) {
        Lang lang = RDFLanguages.filenameToLang(p.getFileName().toString());
        if (lang == null) {
            return null;
        }
        return List.of(Lang.TURTLE, Lang.TRIG, Lang.NTRIPLES, Lang.NQUADS).contains(lang) ? lang : null;
    }
}
