/**
 * The staged load of {@code ontology/} and {@code data/}: list the files ({@link org.cikg.store.load.SourceFiles}),
 * parse them strictly into memory, materialise inferences ({@link org.cikg.store.load.Materializer}), validate
 * against the SHACL shapes ({@link org.cikg.store.load.ShapeValidator}), then swap the graphs in one write
 * transaction (or one update request on a remote store) and announce it ({@link org.cikg.store.load.StoreLoaded}).
 * Also the bulk load of one big file and the {@code load} command.
 */
package org.cikg.store.load;
