package org.tidings.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Takes a reader's address and scheme from the {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port}
 * headers only when the request comes from a trusted reverse proxy ({@code tidings.trusted-proxies}: only this machine
 * unless set; a neighbour on the same private network is no more trusted than anyone), and ignores them from anyone else. Of {@code X-Forwarded-For}'s list of hops, the
 * reader is the last one that is not itself a trusted proxy: an address a client wrote at the front of the list before
 * the proxy appended the real one is not believed. Jetty's {@link ForwardedRequestCustomizer} then applies the headers;
 * the other forwarding headers it knows ({@code Forwarded}, {@code X-Forwarded-Server} ...) are dropped, as no proxy of
 * ours is expected to send them and a client could.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<JettyServletWebServerFactory>, HttpConfiguration.Customizer {

    private static final List<HttpHeader> HONOURED = List.of(HttpHeader.X_FORWARDED_FOR, HttpHeader.X_FORWARDED_PROTO,
            HttpHeader.X_FORWARDED_HOST, HttpHeader.X_FORWARDED_PORT);
    private static final List<String> DROPPED = List.of(HttpHeader.FORWARDED.asString(), HttpHeader.X_FORWARDED_SERVER.asString(),
            "X-Proxied-Https", "Proxy-auth-cert", "Proxy-ssl-id");
    /** An address written as one: parsing it never asks the DNS. */
    private static final Pattern ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<IpAddressMatcher> proxies;
    private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

    @Autowired
    TrustedProxies(TidingsProperties properties) {
        this(properties.trustedProxies());
    }

    TrustedProxies(List<String> networks) {
        this.proxies = networks.stream().map(String::strip).filter(n -> !n.isEmpty()).map(IpAddressMatcher::new).toList();
    }

    /** Puts this customizer first on every connector of the embedded Jetty. */
    @Override
    public void customize(JettyServletWebServerFactory factory) {
        factory.addServerCustomizers(server -> {
            for (var connector : server.getConnectors()) {
                var http = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null) http.getHttpConfiguration().addCustomizer(this);
            }
        });
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        HttpFields received = request.getHeaders();
        if (HONOURED.stream().noneMatch(received::contains) || !trusted(Request.getRemoteAddr(request))) return request;
        HttpFields.Mutable headers = HttpFields.build(received);
        DROPPED.forEach(headers::remove);
        String reader = reader(String.join(",", received.getValuesList(HttpHeader.X_FORWARDED_FOR)).split(","));
        if (reader == null) headers.remove(HttpHeader.X_FORWARDED_FOR);
        else headers.put(HttpHeader.X_FORWARDED_FOR, reader);
        return forwarded.customize(new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return headers;
            }
        }, responseHeaders);
    }

    /** The reader's address among the hops: the last that is not a trusted proxy, if it is an address at all; else null. */
    private String reader(String[] hops) {
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && (i == 0 || !trusted(hop))) return ADDRESS.matcher(hop).matches() ? hop : null;
        }
        return null;
    }

    boolean trusted(String address) {
        if (address == null || !ADDRESS.matcher(address).matches()) return false;
        try {
            InetAddress.getByName(address); // a malformed literal is no proxy of ours
        } catch (UnknownHostException e) {
            return false;
        }
        return proxies.stream().anyMatch(p -> p.matches(address));
    }
}
