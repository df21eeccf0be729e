package org.cikg.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stopped by a store in use: Spring Boot prints the explanation and what to do, not a stack trace. */
class StoreLockedFailureAnalyzer extends AbstractFailureAnalyzer<StoreLockedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreLockedException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Stop the process that holds the store, or set "
                        + "kg.store.location to another folder, then start again.",
                cause);
    }
}
