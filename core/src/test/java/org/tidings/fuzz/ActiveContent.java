package org.tidings.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * What in a piece of HTML a browser would run or let restyle the page, read as a browser reads a
 * fragment in a page's body: script-bearing elements, event handlers, inline styles, and
 * {@code javascript:}, {@code vbscript:} or {@code data:} addresses in attributes that hold a URL.
 */
public final class ActiveContent {

    private static final Set<String> ELEMENTS = Set.of("script", "style", "iframe", "frame", "frameset", "object", "embed",
            "applet", "base", "meta", "link", "form", "svg", "math", "template", "portal", "noscript");
    private static final Set<String> ATTRIBUTES = Set.of("style", "srcdoc", "formaction", "action");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "srcset", "poster", "background", "data",
            "xlink:href", "cite", "longdesc", "lowsrc", "dynsrc", "ping", "codebase", "usemap", "manifest", "icon");
    private static final List<String> SCHEMES = List.of("javascript:", "vbscript:", "livescript:", "data:");

    private ActiveContent() {}

    /** Each active thing found, as "element attribute=value"; empty when the HTML is inert. */
    public static List<String> in(String html) {
        List<String> found = new ArrayList<>();
        if (html == null) return found;
        for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            String name = e.normalName();
            if (ELEMENTS.contains(name)) found.add("<" + name + ">");
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                if (key.startsWith("on") || ATTRIBUTES.contains(key)) found.add("<" + name + " " + key + ">");
                else if (URL_ATTRIBUTES.contains(key) && hasActiveScheme(key, a.getValue())) {
                    found.add("<" + name + " " + key + "=\"" + a.getValue() + "\">");
                }
            }
        }
        return found;
    }

    /** Browsers drop controls and spaces around and tabs and line breaks inside a URL before they read its scheme. */
    static boolean hasActiveScheme(String attribute, String value) {
        List<String> urls = attribute.equals("srcset") ? candidates(value) : List.of(value);
        for (String url : urls) {
            StringBuilder folded = new StringBuilder();
            for (char c : url.toCharArray()) if (c > ' ') folded.append(Character.toLowerCase(c));
            String u = folded.toString();
            if (SCHEMES.stream().anyMatch(u::startsWith)) return true;
        }
        return false;
    }

    private static List<String> candidates(String srcset) {
        List<String> urls = new ArrayList<>();
        for (String candidate : srcset.split(",")) {
            String c = candidate.strip();
            int space = c.indexOf(' ');
            urls.add(space < 0 ? c : c.substring(0, space));
        }
        return urls;
    }
}
