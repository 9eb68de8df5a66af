package org.tidings.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.Settings;

/** The reader's address and scheme behind a reverse proxy, on a real Jetty reached over loopback. */
class TrustedProxiesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aTrustedProxysHeadersGiveTheReadersAddressSchemeAndHost() throws Exception {
        assertThat(seen(List.of("127.0.0.0/8"), Map.of("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "news.example"))).isEqualTo("203.0.113.7 https news.example");
    }

    @Test
    void theSameHeadersFromAnAddressThatIsNoTrustedProxyAreIgnored() throws Exception {
        assertThat(seen(List.of("10.0.0.0/8"), Map.of("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "news.example"))).isEqualTo("127.0.0.1 http 127.0.0.1");
    }

    @Test
    void theReaderIsTheLastHopThatIsNoTrustedProxyNotWhatAClientWroteInFront() throws Exception {
        var proxies = List.of("127.0.0.0/8", "10.0.0.0/8");
        assertThat(seen(proxies, Map.of("X-Forwarded-For", "6.6.6.6, 203.0.113.7"))).startsWith("203.0.113.7 ");
        assertThat(seen(proxies, Map.of("X-Forwarded-For", "6.6.6.6, 203.0.113.7, 10.0.0.9"))).startsWith("203.0.113.7 ");
        assertThat(seen(proxies, Map.of("X-Forwarded-For", "10.0.0.8, 10.0.0.9"))).as("every hop a proxy: the first").startsWith("10.0.0.8 ");
        assertThat(seen(proxies, Map.of("X-Forwarded-For", "unknown"))).as("not an address").startsWith("127.0.0.1 ");
        assertThat(seen(proxies, Map.of("X-Forwarded-For", "publisher.example"))).as("never looked up").startsWith("127.0.0.1 ");
    }

    @Test
    void forwardingHeadersNoProxyOfOursSendsAreIgnored() throws Exception {
        assertThat(seen(List.of("127.0.0.0/8"), Map.of("Forwarded", "for=6.6.6.6;proto=https;host=evil.example",
                "X-Forwarded-Server", "evil.example"))).isEqualTo("127.0.0.1 http 127.0.0.1");
    }

    @Test
    void byDefaultOnlyAProxyOnThisMachineIsBelieved() {
        TrustedProxies defaults = new TrustedProxies(Settings.defaults());
        assertThat(defaults.trusted("127.0.0.1")).isTrue();
        assertThat(defaults.trusted("::1")).isTrue();
        // anyone else on the same network would otherwise pick their own address for the per-address limits
        for (String neighbour : List.of("10.0.0.9", "172.16.4.2", "192.168.1.20", "169.254.0.7", "100.64.1.1", "fd00::2",
                "fe80::1", "203.0.113.7")) {
            assertThat(defaults.trusted(neighbour)).as(neighbour).isFalse();
        }
    }

    @Test
    void tidingsTrustsOnlyTheProxiesItIsToldOf(@TempDir Path data) throws Exception {
        try (var server = RunningServer.start(data, "--tidings.trusted-proxies=10.0.0.0/8")) {
            var response = server.browser().withHeader("X-Forwarded-Proto", "https").get("/login");
            assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
                    .containsIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Secure"));
        }
    }

    /** What a handler behind the customizer sees of a request sent with these headers: address, scheme and host. */
    private static String seen(List<String> proxies, Map<String, String> headers) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().addCustomizer(new TrustedProxies(proxies));
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Content.Sink.write(response, true, Request.getRemoteAddr(request) + " " + request.getHttpURI().getScheme() + " "
                        + Request.getServerName(request), callback);
                return true;
            }
        });
        server.start();
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"));
            headers.forEach(request::header);
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } finally {
            server.stop();
        }
    }
}
