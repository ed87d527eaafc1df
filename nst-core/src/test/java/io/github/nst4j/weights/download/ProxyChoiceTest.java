package io.github.nst4j.weights.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the environment's proxy variables and Java's proxy properties choose a download's route. */
class ProxyChoiceTest {
    private static final URI HTTPS = URI.create("https://download.pytorch.org/models/vgg19-dcbb9e9d.pth");
    private static final URI HTTP = URI.create("http://example.org/vgg19.zip");

    @Test
    void httpsProxyWithCredentialsAndPercentEscapes() throws IOException {
        ProxyChoice.Route route = choice(Map.of("HTTPS_PROXY", "http://alice:p%40ss+w:rd@proxy.corp:3128")).route(HTTPS);

        assertThat(route.proxy().type()).isEqualTo(Proxy.Type.HTTP);
        InetSocketAddress address = (InetSocketAddress) route.proxy().address();
        assertThat(address.getHostString()).isEqualTo("proxy.corp");
        assertThat(address.getPort()).isEqualTo(3128);
        assertThat(route.credentials().getUserName()).isEqualTo("alice");
        assertThat(new String(route.credentials().getPassword())).isEqualTo("p@ss+w:rd");
    }

    @Test
    void lowerCaseWinsAPlainHostTakesPort80AndHttpAddressesReadHttpProxy() throws IOException {
        ProxyChoice choice = choice(Map.of("https_proxy", "proxy.lower", "HTTPS_PROXY", "proxy.upper:1",
                "HTTP_PROXY", "plain.proxy:8080"));

        InetSocketAddress https = (InetSocketAddress) choice.route(HTTPS).proxy().address();
        assertThat(https.getHostString()).isEqualTo("proxy.lower");
        assertThat(https.getPort()).isEqualTo(80);
        assertThat(choice.route(HTTPS).credentials()).isNull();
        assertThat(((InetSocketAddress) choice.route(HTTP).proxy().address()).getHostString()).isEqualTo("plain.proxy");
    }

    @Test
    void noProxyListsHostsAndTheirSubdomains() throws IOException {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy:3128",
                "NO_PROXY", "localhost, .pytorch.org,github.com:443");

        assertThat(choice(env).route(HTTPS)).isEqualTo(ProxyChoice.Route.DIRECT);
        assertThat(choice(env).route(URI.create("https://objects.github.com/x"))).isEqualTo(ProxyChoice.Route.DIRECT);
        assertThat(choice(env).route(URI.create("https://notgithub.com/x")).proxy()).isNotEqualTo(Proxy.NO_PROXY);
        assertThat(choice(Map.of("https_proxy", "proxy:1", "no_proxy", "*")).route(HTTPS))
                .isEqualTo(ProxyChoice.Route.DIRECT);
        assertThat(choice(Map.of()).route(HTTPS)).isEqualTo(ProxyChoice.Route.DIRECT);
    }

    @Test
    void anyJavaProxyPropertyLeavesTheChoiceToJava() throws IOException {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy:3128");
        for (String property : new String[] {"https.proxyHost", "http.proxyHost", "socksProxyHost"}) {
            ProxyChoice choice = new ProxyChoice(env, name -> name.equals(property) ? "javaproxy" : null);
            assertThat(choice.route(HTTPS)).as(property).isEqualTo(ProxyChoice.Route.JAVA_SETTINGS);
        }
        ProxyChoice system = new ProxyChoice(env, name -> name.equals("java.net.useSystemProxies") ? "true" : null);
        assertThat(system.route(HTTPS)).isEqualTo(ProxyChoice.Route.JAVA_SETTINGS);
    }

    @Test
    void anUnusableProxyIsNamedWithoutItsPassword() {
        assertThatThrownBy(() -> choice(Map.of("HTTPS_PROXY", "socks5://bob:secret@proxy:1080")).route(HTTPS))
                .isInstanceOf(IOException.class).hasMessageContaining("HTTPS_PROXY=socks5://***@proxy:1080")
                .hasMessageNotContaining("secret");
    }

    private static ProxyChoice choice(Map<String, String> environment) {
        return new ProxyChoice(environment, name -> null);
    }
}
