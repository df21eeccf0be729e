package org.cikg.store.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cikg.config.CommandContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar cikg.jar backup [--kg.store.backups=DIR]} writes a gzip N-Quads backup and its checksum and
 * prints the file name; {@code java -jar cikg.jar restore FILE} verifies FILE against {@code FILE.sha256}, then
 * replaces the store's contents in one transaction. Exit 0 on success, 1 with the reason otherwise. Like
 * {@code load}, these need the service stopped (TDB2 allows one JVM per store); a running service backs up with
 * {@code POST /admin/backup}.
 */
public final class BackupCommand {
    private BackupCommand() {}

    /** Runs the command; {@code context} opens the application context it works in. */
    public static int run(String[] args, CommandContext context) {
        String command = args[0];
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        Path file = null;
        if ("restore".equals(command)) {
            String name =
                    rest.stream().filter(a -> !a.startsWith("--")).findFirst().orElse(null);
            if (name == null) {
                System.err.println("Usage: restore FILE (a kg-backup-*.nq.gz with its .sha256 next to it)");
                return 2;
            }
            rest.remove(name);
            file = Path.of(name);
        }
        try (ConfigurableApplicationContext ctx = context.open(rest)) {
            StoreBackup backups = ctx.getBean(StoreBackup.class);
            if (file == null) {
                StoreBackup.BackupReport r = backups.backup();
                System.out.printf(
                        "Backup %s: %d quads, %d bytes, sha256 %s%n", r.file(), r.quads(), r.bytes(), r.sha256());
            } else {
                StoreBackup.RestoreReport r = backups.restore(file);
                System.out.printf("Restored %d quads from %s (sha256 %s)%n", r.quads(), r.file(), r.sha256());
            }
            return 0;
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null && !(t instanceof BackupException)) {
                t = t.getCause();
            }
            System.err.println(command + " failed: " + t.getMessage());
            return 1;
        }
    }
}
