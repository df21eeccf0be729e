package org.cikg.fuseki;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.cikg.config.KgProperties;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.security.ServerAuthException;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * HTTP basic authentication of the admin on the SPARQL endpoints ({@code /update}, {@code /data}): Jetty's
 * {@link BasicAuthenticator} over a user store held in memory (the credentials never touch the disk: Fuseki's
 * {@code passwordFile} would need a realm file with the password in plain text), with the {@link LoginThrottle}
 * in front: while an address is throttled, its attempts are answered 429 with {@code Retry-After} before the
 * password is looked at.
 */
final class AdminAuthenticator extends BasicAuthenticator {
    private final LoginThrottle throttle;

    private AdminAuthenticator(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /** The security handler Fuseki's builder takes ({@code securityHandler(...)}) for {@code admin}. */
    static ConstraintSecurityHandler securityHandler(KgProperties.Admin admin, String realm, LoginThrottle throttle) {
        UserStore users = JettySecurityLib.makeUserStore(admin.user(), admin.password());
        ConstraintSecurityHandler handler = JettySecurityLib.makeSecurityHandler(realm, users, AuthScheme.BASIC);
        handler.setAuthenticator(new AdminAuthenticator(throttle));
        return handler;
    }

    @Override
    public AuthenticationState validateRequest(Request req, Response res, Callback callback)
            throws ServerAuthException {
        boolean attempt = req.getHeaders().get(HttpHeader.AUTHORIZATION) != null;
        String client = Request.getRemoteAddr(req);
        OptionalLong wait = throttle.closedFor(client);
        if (attempt && wait.isPresent()) {
            byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Too many failed logins\",\"status\":429,\"detail\":"
                            + "\"Too many wrong passwords from this address; try again in " + wait.getAsLong()
                            + " s.\"}")
                    .getBytes(StandardCharsets.UTF_8);
            res.setStatus(429);
            res.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(wait.getAsLong()));
            res.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
            res.write(true, ByteBuffer.wrap(body), callback);
            return AuthenticationState.SEND_FAILURE;
        }
        AuthenticationState state = super.validateRequest(req, res, callback);
        if (attempt) {
            if (state instanceof AuthenticationState.Succeeded) {
                throttle.succeeded(client);
            } else if (state == AuthenticationState.CHALLENGE || state == AuthenticationState.SEND_FAILURE) {
                throttle.failed(client);
            }
        }
        return state;
    }
}
