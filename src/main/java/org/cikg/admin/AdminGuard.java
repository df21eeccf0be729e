package org.cikg.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.cikg.config.KgProperties;
import org.cikg.problem.AdminAuthException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP basic credentials against {@code kg.admin.user}/{@code kg.admin.password} for the facade's admin
 * calls. With no password configured, admin calls do not exist (404), as Fuseki's update endpoint does not.
 */
@Component
public class AdminGuard {
    private final KgProperties.Admin admin;

    AdminGuard(KgProperties props) {
        this.admin = props.admin();
    }

    /** Throws {@link AdminAuthException} unless the Authorization header carries the admin's credentials. */
    public void check(String authorization) {
        if (!admin.enabled()) {
            throw new AdminAuthException(HttpStatus.NOT_FOUND,
                    "Admin calls are disabled: set kg.admin.password to enable them");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new AdminAuthException(HttpStatus.UNAUTHORIZED, "Admin credentials required (HTTP basic auth)");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException e) {
            throw new AdminAuthException(HttpStatus.UNAUTHORIZED, "Malformed basic credentials");
        }
        byte[] expected = (admin.user() + ":" + admin.password()).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected)) {
            throw new AdminAuthException(HttpStatus.UNAUTHORIZED, "Wrong admin credentials");
        }
    }
}
