package org.tidings.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Whether two addresses are one picture, for a caption to be given only to the picture it describes. */
public final class PictureUrls {

    /** Query parameters that ask for a size, crop, quality or format of one picture, or sign such a request. */
    private static final Set<String> SIZING = Set.of("w", "h", "width", "height", "resize", "fit", "crop", "quality", "q",
            "auto", "format", "fm", "dpr", "ssl", "strip", "s", "size", "maxwidth", "maxheight", "mw", "mh", "scale",
            "compress", "impolicy", "imwidth", "itok", "output-quality", "output-format");

    /** WordPress's resized copies: "harbour-1024x576.jpg" is "harbour.jpg". */
    private static final Pattern RESIZED_COPY = Pattern.compile("-\\d{2,5}x\\d{2,5}(?=\\.[A-Za-z0-9]{3,4}$)");

    private PictureUrls() {}

    /**
     * True when two absolute addresses are the same picture: the same host and path (http or https alike, a WordPress
     * resized copy as its original), and the same query but for parameters that only size it. Anything else, a
     * different path or an identifying parameter, is another picture.
     */
    public static boolean samePicture(String a, String b) {
        if (a == null || b == null) return false;
        if (a.equals(b)) return true;
        URI x = uri(a);
        URI y = uri(b);
        if (x == null || y == null || x.getHost() == null || y.getHost() == null) return false;
        return x.getHost().equalsIgnoreCase(y.getHost()) && x.getPort() == y.getPort()
                && RESIZED_COPY.matcher(path(x)).replaceFirst("").equals(RESIZED_COPY.matcher(path(y)).replaceFirst(""))
                && identifying(x).equals(identifying(y));
    }

    private static URI uri(String url) {
        try {
            URI u = new URI(url.strip().replace(" ", "%20").replace("|", "%7C"));
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? u : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String path(URI u) {
        return u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath();
    }

    /** The query's parameters that say which picture, sorted. */
    private static List<String> identifying(URI u) {
        if (u.getRawQuery() == null) return List.of();
        List<String> kept = new ArrayList<>();
        for (String pair : u.getRawQuery().split("&")) {
            if (pair.isEmpty()) continue;
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!SIZING.contains(name)) kept.add(pair);
        }
        kept.sort(null);
        return kept;
    }
}
