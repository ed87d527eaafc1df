package io.github.nst4j.cli.studio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Decides who may use the studio. Every request must carry the session's random token, in the
 * address ({@code ?token=}) or in the cookie the first visit sets; its Host header must name this
 * server by an IP address, {@code localhost} or the {@code --host} name; and an Origin header, where
 * a browser sends one, must be this page's: the Host the request went to, and that a loopback
 * address, {@code localhost} or the {@code --host} name (any address the server listens on when
 * that is a wildcard). The Host and Origin checks stop DNS rebinding: a web site whose name is made
 * to resolve to 127.0.0.1 still sends its own name; and a page served by another machine on the
 * same port is another origin.
 */
final class AccessGuard {
    static final String TOKEN_PARAMETER = "token";
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+]");
    private static final int TOKEN_BYTES = 24;

    private static final Pattern LOOPBACK = Pattern.compile("localhost|127(\\.\\d{1,3}){3}|\\[::1]");

    private final String token;
    private final String boundHost;
    private final boolean wildcard;

    /** @param boundHost the address the server listens on, as the user gave it */
    AccessGuard(String boundHost) {
        byte[] random = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(random);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.boundHost = boundHost.toLowerCase(Locale.ROOT);
        this.wildcard = boundHost.equals("0.0.0.0") || boundHost.equals("::");
    }

    String token() {
        return token;
    }

    /** Why {@code request} may not go on, in one sentence; null when it may. */
    String refusal(Request request) {
        int port = Request.getLocalPort(request);
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host == null || !namesThisServer(host, port)) {
            return "the Host header (" + host + ") does not name this studio; use the address nst studio printed";
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !isThisPage(origin, host)) {
            return "requests from another site (Origin " + origin + ") are refused";
        }
        if (!tokenInAddress(request) && !tokenInCookie(request)) {
            return "the request lacks the studio's token; open the address nst studio printed, with its ?token=";
        }
        return null;
    }

    /** True when the address carries the right token: the page then sets the cookie. */
    boolean tokenInAddress(Request request) {
        return matches(Request.extractQueryParameters(request).getValue(TOKEN_PARAMETER));
    }

    /**
     * The cookie that lets later requests of the page go without the token in the address: only
     * for this server (a cookie is shared by every port of a host, hence the port in its name), not
     * readable by scripts, and never sent along by another site.
     */
    String cookie(Request request) {
        return cookieName(request) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
    }

    private boolean tokenInCookie(Request request) {
        String name = cookieName(request);
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(name) && matches(cookie.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static String cookieName(Request request) {
        return "nst-studio-" + Request.getLocalPort(request);
    }

    private boolean matches(String candidate) {
        // Constant time: the comparison does not reveal how much of a guess was right.
        return candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code origin} is the page's own, as loaded from {@code host}, an address naming this server. */
    private boolean isThisPage(String origin, String host) {
        if (!origin.equalsIgnoreCase("http://" + host)) {
            return false;
        }
        String name = host.substring(0, host.lastIndexOf(':')).toLowerCase(Locale.ROOT);
        // An IPv6 host is bracketed in the header, not in --host.
        return wildcard || name.replaceAll("^\\[|]$", "").equals(boundHost) || LOOPBACK.matcher(name).matches();
    }

    /** Whether {@code authority} ({@code host:port}) is this server as a browser may name it. */
    private boolean namesThisServer(String authority, int port) {
        int colon = authority.lastIndexOf(':');
        if (colon < 0 || authority.endsWith("]")) {
            return false;
        }
        String host = authority.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!authority.substring(colon + 1).equals(String.valueOf(port))) {
            return false;
        }
        return host.equals("localhost") || host.equals(boundHost) || IP_ADDRESS.matcher(host).matches();
    }
}
