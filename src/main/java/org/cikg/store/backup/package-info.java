/**
 * Keeping the embedded TDB2 store's files: gzip N-Quads backups with a SHA-256 checksum, restores that verify before
 * they swap anything in, live compaction, and the {@code backup}/{@code restore} commands. All refuse a remote store
 * (409) before touching anything.
 */
package org.cikg.store.backup;
