package org.cikg.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cikg.store.load.DataLoader;
import org.cikg.store.load.LoadReport;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /admin/reload}: reloads {@code ontology/} and {@code data/}; readers keep answering meanwhile. */
@RestController
class AdminController {
    private final DataLoader loader;
    private final AdminGuard guard;

    AdminController(DataLoader loader, AdminGuard guard) {
        this.loader = loader;
        this.guard = guard;
    }

    @PostMapping(path = "/admin/reload", produces = "application/json")
    Map<String, Object> reload(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            HttpServletRequest request,
            @RequestParam(name = "force", defaultValue = "false") boolean force) {
        guard.check(auth, request.getRemoteAddr());
        LoadReport r = loader.load(force);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("loaded", r.loaded());
        body.put("files", r.files());
        body.put("assertedTriples", r.assertedTriples());
        body.put("inferredTriples", r.inferredTriples());
        body.put("triples", r.totalTriples());
        body.put("dataHash", r.hash());
        body.put("loadedAt", String.valueOf(r.loadedAt()));
        body.put("elapsedMs", r.elapsed().toMillis());
        body.put("triplesPerSecond", Math.round(r.triplesPerSecond()));
        body.put("findings", r.findings());
        return body;
    }
}
