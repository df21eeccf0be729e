package org.cikg.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cikg.store.backup.StoreBackup;
import org.cikg.store.backup.StoreCompaction;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Store maintenance for the admin (HTTP basic auth, {@link AdminGuard}); readers and writers carry on meanwhile:
 * <ul>
 *   <li>{@code POST /admin/backup}: a gzip N-Quads backup with its SHA-256 file under {@code kg.store.backups};</li>
 *   <li>{@code POST /admin/compact}: TDB2 compaction into a fresh generation, the old one deleted.</li>
 * </ul>
 */
@RestController
class StoreAdminController {
    private final StoreBackup backups;
    private final StoreCompaction compaction;
    private final AdminGuard guard;

    StoreAdminController(StoreBackup backups, StoreCompaction compaction, AdminGuard guard) {
        this.backups = backups;
        this.compaction = compaction;
        this.guard = guard;
    }

    @PostMapping(path = "/admin/backup", produces = "application/json")
    Map<String, Object> backup(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            HttpServletRequest request) {
        guard.check(auth, request.getRemoteAddr());
        StoreBackup.BackupReport r = backups.backup();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file", r.file().getFileName().toString());
        body.put("checksumFile", r.checksumFile().getFileName().toString());
        body.put("sha256", r.sha256());
        body.put("quads", r.quads());
        body.put("bytes", r.bytes());
        body.put("elapsedMs", r.elapsed().toMillis());
        return body;
    }

    @PostMapping(path = "/admin/compact", produces = "application/json")
    Map<String, Object> compact(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            HttpServletRequest request) {
        guard.check(auth, request.getRemoteAddr());
        StoreCompaction.CompactionReport r = compaction.compact();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("before", r.before());
        body.put("after", r.after());
        body.put("bytesBefore", r.bytesBefore());
        body.put("bytesAfter", r.bytesAfter());
        body.put("elapsedMs", r.elapsed().toMillis());
        return body;
    }
}
