package org.cikg.reconcile;

import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for the reconciliation API, answered by Spring's {@link CorsFilter} before the request reaches a handler:
 * any origin, never with credentials (the API is public and reads only).
 *
 * <p>Why not only {@code @CrossOrigin} on the controller: {@code /reconcile} has two {@code POST} handlers (form and
 * JSON body), so a preflight, which carries no body type, matches both; Spring MVC then answers such an ambiguous
 * preflight with its own permissive configuration, which echoes the origin and allows credentials
 * ({@code Access-Control-Allow-Credentials: true} for any site), ignoring the annotation.
 */
@Configuration
class ReconcileCors {

    @Bean
    FilterRegistrationBean<CorsFilter> reconcileCorsFilter() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of("*"));
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("*"));
        cors.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/reconcile", cors);
        source.registerCorsConfiguration("/reconcile/**", cors);
        FilterRegistrationBean<CorsFilter> bean = new FilterRegistrationBean<>(new CorsFilter(source));
        bean.addUrlPatterns("/reconcile", "/reconcile/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }
}
