package io.github.nst4j.weights.download;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Chooses how a download reaches its server. Java's own proxy settings come first: when any of
 * {@code https.proxyHost}, {@code http.proxyHost}, {@code socksProxyHost} or
 * {@code java.net.useSystemProxies=true} is set, Java's {@link java.net.ProxySelector} decides.
 * Otherwise the variables curl and pip read: {@code https_proxy} or {@code HTTPS_PROXY} for https
 * addresses, {@code http_proxy} or {@code HTTP_PROXY} for http ones, written
 * {@code [http://][user:password@]host[:port]} (port 80 when not given), except for the hosts in
 * {@code no_proxy} or {@code NO_PROXY} (comma-separated names, each also matching its subdomains;
 * {@code *} for all).
 */
final class ProxyChoice {
    private static final List<String> JAVA_PROPERTIES = List.of("https.proxyHost", "http.proxyHost", "socksProxyHost");

    /**
     * How to connect.
     *
     * @param proxy the proxy, or null to let Java's own settings decide
     * @param credentials what the proxy asks for, or null
     */
    record Route(Proxy proxy, PasswordAuthentication credentials) {
        static final Route JAVA_SETTINGS = new Route(null, null);
        static final Route DIRECT = new Route(Proxy.NO_PROXY, null);
    }

    private final Map<String, String> environment;
    private final UnaryOperator<String> properties;

    /**
     * @param environment the environment variables
     * @param properties the Java system properties, by name (null when unset)
     */
    ProxyChoice(Map<String, String> environment, UnaryOperator<String> properties) {
        this.environment = environment;
        this.properties = properties;
    }

    /** The choice this process's environment and system properties make. */
    static ProxyChoice standard() {
        return new ProxyChoice(System.getenv(), System::getProperty);
    }

    /**
     * The route to {@code uri}.
     *
     * @throws IOException naming the variable when its proxy address cannot be used
     */
    Route route(URI uri) throws IOException {
        if (JAVA_PROPERTIES.stream().anyMatch(name -> !isBlank(properties.apply(name)))
                || "true".equalsIgnoreCase(properties.apply("java.net.useSystemProxies"))) {
            return Route.JAVA_SETTINGS;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String variable = scheme + "_proxy";
        String value = variable(variable);
        if (isBlank(value) || bypassed(uri.getHost())) {
            return Route.DIRECT;
        }
        return parse(variable.toUpperCase(Locale.ROOT), value.trim());
    }

    private static Route parse(String variable, String value) throws IOException {
        URI proxy;
        try {
            proxy = new URI(value.contains("://") ? value : "http://" + value);
        } catch (URISyntaxException e) {
            throw new IOException(variable + " is not a proxy address (" + value + "); write http://host:port", e);
        }
        if (!"http".equalsIgnoreCase(proxy.getScheme()) || proxy.getHost() == null) {
            throw new IOException(variable + "=" + withoutPassword(proxy) + " is not an http://host:port proxy, the"
                    + " only kind supported");
        }
        InetSocketAddress address = InetSocketAddress.createUnresolved(proxy.getHost(),
                proxy.getPort() < 0 ? 80 : proxy.getPort());
        return new Route(new Proxy(Proxy.Type.HTTP, address), credentials(proxy.getRawUserInfo()));
    }

    /** {@code user:password}, each percent-decoded; null when there is none. */
    private static PasswordAuthentication credentials(String rawUserInfo) {
        if (rawUserInfo == null) {
            return null;
        }
        int colon = rawUserInfo.indexOf(':');
        String user = colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
        String password = colon < 0 ? "" : rawUserInfo.substring(colon + 1);
        return new PasswordAuthentication(decode(user), decode(password).toCharArray());
    }

    private static String decode(String part) {
        // URLDecoder decodes form data, where '+' is a space; in a URL's user info it is a '+'.
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String withoutPassword(URI proxy) {
        String userInfo = proxy.getRawUserInfo();
        return userInfo == null ? proxy.toString() : proxy.toString().replace(userInfo, "***");
    }

    private boolean bypassed(String host) {
        String noProxy = variable("no_proxy");
        if (isBlank(noProxy) || host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        return Arrays.stream(noProxy.split("[,\\s]+")).map(entry -> entry.trim().toLowerCase(Locale.ROOT))
                .filter(entry -> !entry.isEmpty()).anyMatch(entry -> matches(name, entry));
    }

    /**
     * curl's rules: {@code *} matches all; {@code example.org} and {@code .example.org} match the domain
     * and its subdomains; a port is ignored.
     */
    private static boolean matches(String host, String entry) {
        if (entry.equals("*")) {
            return true;
        }
        String domain = entry.replaceFirst("^\\*?\\.", "").replaceFirst("^([^:]*):\\d+$", "$1");
        return host.equals(domain) || host.endsWith("." + domain);
    }

    /** The lower-case variable, else the upper-case one, as curl reads them. */
    private String variable(String lowerCaseName) {
        String value = environment.get(lowerCaseName);
        return !isBlank(value) ? value : environment.get(lowerCaseName.toUpperCase(Locale.ROOT));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
