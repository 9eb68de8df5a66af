package org.tidings.server.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Refuses internal addresses (SSRF) unless the operator allowed the network. As the fetcher's
 * resolver it checks every address of every connection, so a redirect or a DNS answer cannot
 * smuggle a private address past it.
 */
public final class NetworkGuard extends SystemDefaultDnsResolver {

    private final List<Cidr> allowed;

    public NetworkGuard(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    }

    /** Numbers and dots only, or a hexadecimal part: a host written as an IPv4 address in one form or another. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]*))*");
    /** The one form every resolver reads alike: four decimal numbers without leading zeros. */
    private static final Pattern PLAIN_IPV4 = Pattern.compile("((0|[1-9][0-9]{0,2})\\.){3}(0|[1-9][0-9]{0,2})");

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (NUMERIC_HOST.matcher(host).matches() && !PLAIN_IPV4.matcher(host).matches()) {
            // "0177.0.0.1" is 127.0.0.1 to C's resolver and 177.0.0.1 to Java's: refused, whichever is meant
            throw new RefusedAddressException(host, "an address written with leading zeros, in hexadecimal or in fewer "
                    + "than four parts, which programs read differently; write it as four decimal numbers");
        }
        InetAddress[] addresses = super.resolve(host);
        for (InetAddress address : addresses) check(host, address);
        return addresses;
    }

    public void check(String host, InetAddress address) throws RefusedAddressException {
        if (isInternal(address) && allowed.stream().noneMatch(c -> c.contains(address))) {
            throw new RefusedAddressException(host, address);
        }
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                    // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 169 && second == 254)           // link-local, cloud metadata
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || first >= 240;                             // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc                         // unique-local fc00::/7
                    || carriesInternalIpv4(b);
        }
        return true;
    }

    /**
     * An IPv6 address that reaches the IPv4 host it carries: mapped (::ffff:10.0.0.1), compatible (::10.0.0.1), NAT64
     * (64:ff9b::a00:1) and 6to4 (2002:a00:1::); it is internal when that host is.
     */
    private static boolean carriesInternalIpv4(byte[] b) {
        int at;
        if (zeros(b, 0, 10) && (b[10] & b[11] & 0xff) == 0xff || zeros(b, 0, 12)) at = 12;
        else if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zeros(b, 4, 12)) at = 12;
        else if (b[0] == 0x20 && b[1] == 0x02) at = 2;
        else return false;
        try {
            return isInternal(InetAddress.getByAddress(new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }

    /** The reason a fetch was refused, told to the operator on the source's health line. */
    public static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String host, InetAddress address) {
            this(host + " (" + address.getHostAddress() + ")",
                    "a private, loopback or link-local address; allow it with tidings.fetch.allowed-networks");
        }

        RefusedAddressException(String host, String why) {
            super("refused to connect to " + host + ": " + why);
        }
    }

    private record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.trim().split("/", 2);
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) throw new IllegalArgumentException();
                return new Cidr(network, prefix);
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw new IllegalArgumentException("not a network in CIDR notation: " + text);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) return false;
            int full = prefix / 8;
            for (int i = 0; i < full; i++) if (a[i] != network[i]) return false;
            int rest = prefix % 8;
            if (rest == 0) return true;
            int mask = 0xff << (8 - rest) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
