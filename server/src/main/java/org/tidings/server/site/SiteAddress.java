package org.tidings.server.site;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tidings.server.config.TidingsProperties;

/**
 * The site's absolute address, for feeds, the site map and OpenGraph tags: {@code tidings.public-url}, else the host
 * the request names when it is this machine (its name, {@code localhost} or one of its addresses), else the address
 * the request came in on. A {@code Host} or {@code X-Forwarded-Host} naming another site is never believed: one forged
 * request would put that site in pages served again to other readers. Behind a reverse proxy, set the public URL.
 */
@Component
public class SiteAddress {

    private static final Logger log = LoggerFactory.getLogger(SiteAddress.class);

    private final String publicUrl;
    private final Set<String> ownNames = ownNames();
    private final AtomicBoolean warned = new AtomicBoolean();

    SiteAddress(TidingsProperties properties) {
        String url = properties.publicUrl().strip();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String base(HttpServletRequest request) {
        if (!publicUrl.isEmpty()) return publicUrl;
        String named = request.getServerName();
        String host = named;
        if (!ownNames.contains(address(named))) {
            host = request.getLocalAddr();
            if (warned.compareAndSet(false, true)) {
                log.atWarn().addKeyValue("event", "foreign_host").addKeyValue("host", named).log("A request named a host that is "
                        + "not this machine; links use {} instead. Behind a reverse proxy, set tidings.public-url.", host);
            }
        }
        if (host.contains(":") && !host.startsWith("[")) host = "[" + host + "]";
        String scheme = request.getScheme();
        int port = request.getLocalPort();
        boolean usual = port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
        return scheme + "://" + host + (usual ? "" : ":" + port);
    }

    /** A host as compared with this machine's names: lower case, an IPv6 address without brackets in its full form. */
    private static String address(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.contains(":")) {
            try {
                return InetAddress.getByName(bare).getHostAddress(); // a literal: no name is looked up
            } catch (UnknownHostException e) {
                return bare;
            }
        }
        return bare.toLowerCase(Locale.ROOT);
    }

    private static Set<String> ownNames() {
        Set<String> names = new HashSet<>(Set.of("localhost"));
        try {
            names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            // a machine without a name of its own: its addresses still count
        }
        try {
            NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .forEach(a -> names.add(address(a.getHostAddress().replaceFirst("%.*$", ""))));
        } catch (SocketException e) {
            names.add("127.0.0.1");
        }
        return Set.copyOf(names);
    }
}
