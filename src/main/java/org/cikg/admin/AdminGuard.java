package org.cikg.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;
import org.cikg.config.KgProperties;
import org.cikg.fuseki.LoginThrottle;
import org.cikg.problem.AdminAuthException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP basic credentials against {@code kg.admin.user}/{@code kg.admin.password} for the facade's admin
 * calls. With no password configured, admin calls do not exist (404), as Fuseki's update endpoint does not. Repeated
 * wrong passwords from one address are slowed down by the {@link LoginThrottle} the SPARQL endpoints share: while
 * the address must wait, its attempts are refused (429 with {@code Retry-After}) without looking at the password.
 */
@Component
public class AdminGuard {
    private final KgProperties.Admin admin;
    private final LoginThrottle throttle;

    AdminGuard(KgProperties props, LoginThrottle throttle) {
        this.admin = props.admin();
        this.throttle = throttle;
    }

    /**
     * Throws {@link AdminAuthException} unless the Authorization header carries the admin's credentials.
     *
     * @param client the caller's address, for the throttle
     */
    public void check(String authorization, String client) {
        if (!admin.enabled()) {
            throw new AdminAuthException(
                    HttpStatus.NOT_FOUND, "Admin calls are disabled: set kg.admin.password to enable them");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new AdminAuthException(HttpStatus.UNAUTHORIZED, "Admin credentials required (HTTP basic auth)");
        }
        OptionalLong wait = throttle.closedFor(client);
        if (wait.isPresent()) {
            throw new AdminAuthException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many wrong passwords from this address; " + "try again in " + wait.getAsLong() + " s",
                    wait.getAsLong());
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException e) {
            throttle.failed(client);
            throw new AdminAuthException(HttpStatus.UNAUTHORIZED, "Malformed basic credentials");
        }
        byte[] expected = (admin.user() + ":" + admin.password()).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected)) {
            throttle.failed(client);
            throw new AdminAuthException(HttpStatus.UNAUTHORIZED, "Wrong admin credentials");
        }
        throttle.succeeded(client);
    }
}
