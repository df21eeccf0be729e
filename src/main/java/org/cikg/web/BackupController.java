package org.cikg.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cikg.store.StoreBackup;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /admin/backup} (admin): writes a gzip N-Quads backup with its SHA-256 file; readers and writers carry on. */
@RestController
class BackupController {
    private final StoreBackup backups;
    private final AdminGuard guard;

    BackupController(StoreBackup backups, AdminGuard guard) {
        this.backups = backups;
        this.guard = guard;
    }

    @PostMapping(path = "/admin/backup", produces = "application/json")
    Map<String, Object> backup(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        guard.check(auth);
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
}
