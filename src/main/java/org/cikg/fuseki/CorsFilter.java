package org.cikg.fuseki;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.apache.jena.fuseki.servlets.CrossOriginFilter;

/**
 * Fuseki's own CORS filter ({@link CrossOriginFilter}) with its settings given in memory: any origin may read with
 * {@code GET} and {@code POST} (and preflight), never with the browser's credentials (the filter's default would send
 * {@code Access-Control-Allow-Credentials: true}). Fuseki's builder takes these settings only as a file
 * ({@code enableCors(true, file)}), which had to be written to the temporary folder at every start.
 */
final class CorsFilter implements Filter {
    private static final Map<String, String> SETTINGS = Map.of(
            CrossOriginFilter.ALLOWED_ORIGINS_PARAM,
            "*",
            CrossOriginFilter.ALLOWED_METHODS_PARAM,
            "GET,POST,OPTIONS",
            CrossOriginFilter.ALLOWED_HEADERS_PARAM,
            "X-Requested-With,Content-Type,Accept,Origin",
            CrossOriginFilter.EXPOSED_HEADERS_PARAM,
            "Cache-Control,Content-Language,Content-Length,Content-Type,Expires,Last-Modified",
            CrossOriginFilter.ALLOW_CREDENTIALS_PARAM,
            "false",
            CrossOriginFilter.CHAIN_PREFLIGHT_PARAM,
            "false");

    private final CrossOriginFilter cors = new CrossOriginFilter();

    @Override
    public void init(FilterConfig config) throws ServletException {
        cors.init(new FilterConfig() {
            @Override
            public String getFilterName() {
                return config.getFilterName();
            }

            @Override
            public ServletContext getServletContext() {
                return config.getServletContext();
            }

            @Override
            public String getInitParameter(String name) {
                return SETTINGS.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(SETTINGS.keySet());
            }
        });
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        cors.doFilter(req, res, chain);
    }

    @Override
    public void destroy() {
        cors.destroy();
    }
}
