package org.cikg.workbench;

import java.util.Map;
import org.cikg.core.Namespaces;

/** The prefixes of the public query contract, pre-declared in every example and offered by the editor. */
final class ContractPrefixes {
    /** In the order they are declared. */
    static final Map<String, String> ALL = Namespaces.CONTRACT;

    private ContractPrefixes() {}
}
