package org.cikg.store;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.util.Context;

/**
 * JSON-LD documents may name a remote {@code @context} (or import one); by default Jena's JSON-LD parser
 * (Titanium) fetches it, so an upload could make the service call any URL. These options give the parser a
 * document loader that refuses every fetch: a document must carry its context inline.
 */
public final class NoRemoteDocuments {
    private NoRemoteDocuments() {}

    /** Sets the refusing loader in {@code context} and in RIOT's global context (the fallback of every parse). */
    public static void apply(Context context) {
        context.set(LangJSONLD11.JSONLD_OPTIONS, options());
        RIOT.getContext().set(LangJSONLD11.JSONLD_OPTIONS, options());
    }

    static JsonLdOptions options() {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader((url, loaderOptions) -> {
            throw new JsonLdError(
                    JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "Remote JSON-LD documents are not fetched (" + url + "); put the @context inline");
        });
        return options;
    }
}
