package org.cikg.store;

import org.apache.jena.tdb2.DatabaseMgr;

/**
 * A process that holds a TDB2 store, for {@link StoreLockTest}: opens the folder given as its argument, prints
 * {@code locked}, and waits to be killed.
 */
public final class HoldStore {
    private HoldStore() {}

    public static void main(String[] args) throws InterruptedException {
        DatabaseMgr.connectDatasetGraph(args[0]);
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
