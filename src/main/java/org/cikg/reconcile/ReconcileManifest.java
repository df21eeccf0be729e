package org.cikg.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cikg.core.Namespaces;

/**
 * The Reconciliation API service manifest (version 0.2): identifier and schema spaces, default types, the view,
 * preview and suggest services, and data extension with its language setting.
 */
final class ReconcileManifest {
    private ReconcileManifest() {}

    /** The manifest of the service at {@code base} (its context path) that reconciles to these types. */
    static Map<String, Object> of(String base, List<Candidate.TypeRef> types) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("versions", List.of("0.2"));
        m.put("name", "China Innovation Knowledge Graph");
        m.put("identifierSpace", Namespaces.KGID);
        m.put("schemaSpace", Namespaces.CIKG);
        m.put("defaultTypes", types);
        m.put("view", Map.of("url", base + "/page/{{id}}"));
        m.put("preview", Map.of("url", base + "/reconcile/preview?id={{id}}", "width", 400, "height", 140));
        m.put(
                "suggest",
                Map.of(
                        "entity", Map.of("service_url", base, "service_path", "/reconcile/suggest/entity"),
                        "type", Map.of("service_url", base, "service_path", "/reconcile/suggest/type"),
                        "property", Map.of("service_url", base, "service_path", "/reconcile/suggest/property")));
        List<Map<String, String>> choices = new ArrayList<>();
        for (String l : DataExtender.LANGUAGES) {
            choices.add(Map.of(
                    "value",
                    l,
                    "name",
                    java.util.Locale.forLanguageTag(l).getDisplayLanguage(java.util.Locale.ENGLISH)));
        }
        Map<String, Object> langSetting = new LinkedHashMap<>();
        langSetting.put("name", "lang");
        langSetting.put("label", "Language of names");
        langSetting.put("type", "select");
        langSetting.put("default", "en");
        langSetting.put("choices", choices);
        langSetting.put("help_text", "Names of entity values in this language where the graph has one (else English)");
        m.put(
                "extend",
                Map.of(
                        "propose_properties", Map.of("service_url", base, "service_path", "/reconcile/properties"),
                        "property_settings", List.of(langSetting)));
        return m;
    }
}
