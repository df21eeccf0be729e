package org.cikg.remote;

/** The backend checks over the default embedded TDB2 store (the shared integration-test context). */
class EmbeddedStoreIT extends StoreBackendChecks {}
