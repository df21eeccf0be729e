package org.cikg.replication;

import jakarta.servlet.http.HttpServletRequest;
import org.cikg.admin.AdminGuard;
import org.cikg.problem.NotFoundException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The writer's snapshots for its replicas (admin credentials, as every admin call), in the backup format:
 * <ul>
 *   <li>{@code GET /replication/snapshot}: the store as it is now (the newest snapshot, made afresh when the store
 *       has changed since), for a replica starting from nothing;</li>
 *   <li>{@code GET /replication/snapshots/{name}}: a snapshot a change of the log names.</li>
 * </ul>
 * Headers: {@code X-Checksum-SHA256}, {@code X-Snapshot-Name}, {@code X-Change-Sequence}.
 */
@RestController
@ConditionalOnProperty(name = "kg.replication.role", havingValue = "writer")
class SnapshotController {
    private static final MediaType GZIP = MediaType.parseMediaType("application/gzip");

    private final ChangeCapture capture;
    private final AdminGuard guard;

    SnapshotController(ChangeCapture capture, AdminGuard guard) {
        this.capture = capture;
        this.guard = guard;
    }

    @GetMapping("/replication/snapshot")
    ResponseEntity<Resource> current(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            HttpServletRequest request) {
        guard.check(auth, request.getRemoteAddr());
        return send(capture.snapshots().bootstrap(capture.tdb()));
    }

    @GetMapping("/replication/snapshots/{name}")
    ResponseEntity<Resource> named(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @PathVariable String name,
            HttpServletRequest request) {
        guard.check(auth, request.getRemoteAddr());
        return send(capture.snapshots()
                .find(name)
                .orElseThrow(() -> new NotFoundException(
                        "No snapshot " + name + " (the writer keeps the newest " + "kg.replication.keep-snapshots)")));
    }

    private static ResponseEntity<Resource> send(SnapshotStore.Snapshot s) {
        return ResponseEntity.ok()
                .contentType(GZIP)
                .contentLength(s.bytes())
                .header("X-Checksum-SHA256", s.sha256())
                .header("X-Snapshot-Name", s.file().getFileName().toString())
                .header("X-Change-Sequence", Long.toString(s.sequence()))
                .body(new FileSystemResource(s.file()));
    }
}
