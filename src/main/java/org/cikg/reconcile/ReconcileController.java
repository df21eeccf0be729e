package org.cikg.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cikg.core.RequestLanguage;
import org.cikg.problem.BadRequestException;
import org.cikg.sparql.Terms;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reconciliation endpoints OpenRefine uses:
 * <ul>
 *   <li>{@code GET|POST /reconcile} without {@code queries}: the service manifest;</li>
 *   <li>{@code GET|POST /reconcile} with {@code queries} (form field or query parameter holding JSON, or a JSON
 *       body, either the batch itself or {@code {"queries": batch}}): {@code {"q0": {"result": [...]}, ...}};</li>
 *   <li>the suggest and preview calls ({@link SuggestController});</li>
 *   <li>{@code GET|POST /reconcile} with {@code extend} (form field, query parameter or JSON body member holding
 *       {@code {"ids": [...], "properties": [{"id": ..., "settings": {"lang": ...}}]}}): data extension, see
 *       {@link DataExtender}; names in the language of {@code lang}, else of {@code Accept-Language}, else English;</li>
 *   <li>{@code GET /reconcile/properties?type=&limit=}: the properties data extension proposes for a type.</li>
 * </ul>
 */
@RestController
@CrossOrigin(origins = "*", allowCredentials = "false")
@RequestMapping("/reconcile")
class ReconcileController {
    static final int MAX_BATCH = 100;
    static final int MAX_PROPOSED = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Reconciler reconciler;
    private final DataExtender extender;

    ReconcileController(Reconciler reconciler, DataExtender extender) {
        this.reconciler = reconciler;
        this.extender = extender;
    }

    @RequestMapping(
            method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.APPLICATION_JSON_VALUE,
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.ALL_VALUE})
    Object reconcileOrManifest(
            @RequestParam(name = "queries", required = false) String queries,
            @RequestParam(name = "extend", required = false) String extend,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
        if (extend != null) {
            return extend(parse("extend", extend), language(lang, acceptLanguage));
        }
        if (queries == null) {
            return manifest();
        }
        return answer(parse(queries));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Object reconcileJson(
            @RequestBody String body,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
        JsonNode root = parse(body);
        if (root.has("extend")) {
            JsonNode ext = root.get("extend");
            return extend(ext.isString() ? parse("extend", ext.asString()) : ext, language(lang, acceptLanguage));
        }
        JsonNode batch = root.has("queries") ? root.get("queries") : root;
        if (batch.isString()) {
            batch = parse(batch.asString());
        }
        return answer(batch);
    }

    private static JsonNode parse(String json) {
        return parse("queries", json);
    }

    private static JsonNode parse(String field, String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new BadRequestException("'" + field + "' is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The {@code lang} parameter when given (400 when malformed), else the first of Accept-Language. */
    private static String language(String lang, String acceptLanguage) {
        return RequestLanguage.resolve(lang, acceptLanguage);
    }

    private DataExtender.Extension extend(JsonNode ext, String lang) {
        if (ext == null || !ext.isObject()) {
            throw new BadRequestException(
                    "'extend' must be a JSON object {\"ids\": [...], \"properties\": [{\"id\": ...}]}");
        }
        JsonNode ids = ext.get("ids");
        JsonNode props = ext.get("properties");
        if (ids == null || !ids.isArray() || props == null || !props.isArray()) {
            throw new BadRequestException("'extend' needs an 'ids' array and a 'properties' array");
        }
        List<String> idList = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isString()) {
                throw new BadRequestException("'extend.ids' must hold strings (entity ids)");
            }
            idList.add(id.asString());
        }
        List<DataExtender.Requested> requested = new ArrayList<>();
        for (JsonNode p : props) {
            JsonNode id = p.isObject() ? p.get("id") : null;
            if (id == null || !id.isString()) {
                throw new BadRequestException("each of 'extend.properties' needs an 'id' string");
            }
            String own = null;
            JsonNode settings = p.get("settings");
            if (settings != null && settings.isObject() && settings.has("lang")) {
                JsonNode l = settings.get("lang");
                if (!l.isString()) {
                    throw new BadRequestException("setting 'lang' of '" + id.asString() + "' must be a string");
                }
                own = Terms.lang("settings.lang", l.asString());
            }
            requested.add(new DataExtender.Requested(id.asString(), own));
        }
        return extender.extend(idList, requested, lang);
    }

    @GetMapping(path = "/properties", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> proposeProperties(
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "limit", required = false) String limit) {
        String typeIri = type == null || type.isBlank()
                ? null
                : Terms.ontologyTerm("type", type).getURI();
        int max = limit == null || limit.isBlank() ? MAX_PROPOSED : Terms.positiveInt("limit", limit, MAX_PROPOSED);
        List<DataExtender.Column> all = extender.propose(typeIri);
        Map<String, Object> out = new LinkedHashMap<>();
        if (typeIri != null) {
            out.put("type", type);
        }
        out.put(
                "properties",
                all.subList(0, Math.min(max, all.size())).stream()
                        .map(c -> Map.of("id", c.id(), "name", c.name()))
                        .toList());
        out.put("limit", max);
        return out;
    }

    private Map<String, Object> answer(JsonNode batch) {
        if (batch == null || !batch.isObject() || batch.isEmpty()) {
            throw new BadRequestException(
                    "'queries' must be a JSON object of queries, e.g. {\"q0\":{\"query\":\"Unitree\"}}");
        }
        if (batch.size() > MAX_BATCH) {
            throw new BadRequestException("'queries' holds " + batch.size() + " queries; at most " + MAX_BATCH);
        }
        // One bad query gets its own error (an RFC 9457 problem object beside an empty result) and the others are
        // answered; a batch in which every query is bad is a 400 as a whole.
        Map<String, Object> out = new LinkedHashMap<>();
        BadRequestException firstError = null;
        int answered = 0;
        for (Map.Entry<String, JsonNode> e : batch.properties()) {
            try {
                out.put(e.getKey(), Map.of("result", reconciler.reconcile(query(e.getKey(), e.getValue()))));
                answered++;
            } catch (BadRequestException bad) {
                firstError = firstError == null ? bad : firstError;
                out.put(
                        e.getKey(),
                        Map.of(
                                "result",
                                List.of(),
                                "error",
                                Map.of(
                                        "type",
                                        "about:blank",
                                        "title",
                                        "Bad Request",
                                        "status",
                                        400,
                                        "detail",
                                        bad.getMessage())));
            }
        }
        if (answered == 0 && firstError != null) {
            throw firstError;
        }
        return out;
    }

    private Reconciler.Query query(String key, JsonNode q) {
        if (q.isString()) {
            return reconciler.query(key, q.asString(), null, null, List.of());
        }
        if (!q.isObject()) {
            throw new BadRequestException("Query '" + key + "' must be an object with a 'query' string");
        }
        JsonNode text = q.get("query");
        if (text == null || !text.isString()) {
            throw new BadRequestException("Query '" + key + "' has no 'query' string");
        }
        String type = null;
        JsonNode t = q.get("type");
        if (t != null && t.isArray() && !t.isEmpty()) {
            t = t.get(0);
        }
        if (t != null && t.isString()) {
            type = t.asString();
        } else if (t != null && t.isObject() && t.has("id")) {
            type = t.get("id").asString();
        }
        Integer limit = null;
        JsonNode l = q.get("limit");
        if (l != null && !l.isNull()) {
            if (!l.canConvertToInt() || !l.isIntegralNumber()) {
                throw new BadRequestException("Query '" + key + "': 'limit' must be an integer");
            }
            limit = l.asInt();
        }
        List<Reconciler.PropertyValue> props = new ArrayList<>();
        JsonNode ps = q.get("properties");
        if (ps != null && !ps.isNull()) {
            if (!ps.isArray()) {
                throw new BadRequestException("Query '" + key + "': 'properties' must be an array of {pid, v}");
            }
            for (JsonNode p : ps) {
                JsonNode pid = p.get("pid");
                JsonNode v = p.get("v");
                if (pid == null || !pid.isString() || v == null) {
                    throw new BadRequestException("Query '" + key + "': each property needs 'pid' and 'v'");
                }
                String prop = Terms.ontologyTerm(key + ".pid", pid.asString()).getURI();
                for (JsonNode one : v.isArray() ? v : List.of(v)) {
                    String value =
                            one.isObject() && one.has("id") ? one.get("id").asString() : one.asString();
                    if (value != null && !value.isBlank()) {
                        props.add(new Reconciler.PropertyValue(prop, value.strip()));
                    }
                }
            }
        }
        return reconciler.query(key, text.asString(), type, limit, props);
    }

    private Map<String, Object> manifest() {
        return ReconcileManifest.of(
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString(), reconciler.classes());
    }
}
