/**
 * Which version of the data the process serves ({@link org.cikg.store.version.DataVersion}, moved by every committed
 * load or write), the caches of values derived from the data that key their entries by it
 * ({@link org.cikg.store.version.DataVersionCache}), and, in remote mode, the poll that notices loads made by other
 * processes ({@link org.cikg.store.version.RemoteChangeWatcher}).
 */
package org.cikg.store.version;
