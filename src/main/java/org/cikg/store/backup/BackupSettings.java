package org.cikg.store.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where backups go (bound from {@code kg.store.backups}, next to {@code kg.store.location}).
 *
 * @param backups folder of {@code kg-backup-*.nq.gz} files and their {@code .sha256} checksums (created if missing)
 */
@ConfigurationProperties("kg.store")
public record BackupSettings(@DefaultValue("kg-backups") Path backups) {}
