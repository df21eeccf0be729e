package org.cikg.fuseki;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes to the first dataset (an update, or a Graph Store {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}):
 * refused with 409 while {@code writeRefusal} gives a reason (a read replica, naming the service that takes writes),
 * and reported to {@code onWrite} once Fuseki has committed one (a 2xx), since caches of the data key their entries by
 * the version it moves.
 */
final class WriteWatch {
    private final List<String> watchedWrites;
    private final Runnable onWrite;
    private final Supplier<Optional<String>> writeRefusal;

    WriteWatch(String dataset, Runnable onWrite, Supplier<Optional<String>> writeRefusal) {
        this.watchedWrites = List.of(dataset + "/data", dataset + "/update");
        this.onWrite = onWrite;
        this.writeRefusal = writeRefusal;
    }

    /** True when the request is a write to the watched dataset and was refused (the 409 written). */
    boolean refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!isWrite(request)) {
            return false;
        }
        Optional<String> refusal = writeRefusal.get();
        if (refusal.isPresent()) {
            ProblemBody.write(response, 409, "Read-only replica", "Write refused: " + ProblemBody.plain(refusal.get()));
            return true;
        }
        return false;
    }

    /** After Fuseki answered: runs {@code onWrite} when the request was a successful write to the watched dataset. */
    void answered(HttpServletRequest request, HttpServletResponse response) {
        if (isWrite(request) && response.getStatus() < 300) {
            onWrite.run();
        }
    }

    private boolean isWrite(HttpServletRequest request) {
        String method = request.getMethod();
        return !"GET".equals(method)
                && !"HEAD".equals(method)
                && !"OPTIONS".equals(method)
                && watchedWrites.contains(request.getRequestURI());
    }
}
