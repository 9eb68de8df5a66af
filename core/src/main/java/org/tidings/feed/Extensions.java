package org.tidings.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Extension vocabularies whose values have a shape of their own in feedparser's model: GeoRSS, Podlove chapters, Media RSS. */
final class Extensions {

    private static final Pattern CHAPTER_START = Pattern.compile("^((\\d{2}):)?(\\d{2}):(\\d{2})(\\.(\\d{3}))?$");

    private Extensions() {}

    static Map<String, Object> lowerCaseKeys(Map<String, Object> attributes) {
        Map<String, Object> out = new LinkedHashMap<>();
        attributes.forEach((k, v) -> out.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        return out;
    }

    /** The element's attributes, and its text as {@code content} when it has some (media:credit, rating, license). */
    static Map<String, Object> withContent(XmlElement e) {
        return withContent(e, null);
    }

    /** The element's attributes and its text as {@code content}, else {@code none} (media:player always has one). */
    static Map<String, Object> withContent(XmlElement e, String none) {
        Map<String, Object> out = lowerCaseKeys(e.attributes());
        String text = FeedModel.firstNonNull(e.textOrNull(), none);
        if (text != null) out.put("content", text);
        return out;
    }

    /** media:thumbnail: its attributes, the URL resolved; a thumbnail that writes its URL as text has it as url. */
    static Map<String, Object> thumbnail(XmlElement e) {
        Map<String, Object> out = lowerCaseKeys(e.attributes());
        String url = FeedModel.firstNonNull(e.attrOrNull("url"), e.textOrNull());
        if (url != null) out.put("url", e.url(url));
        return out;
    }

    /** media:restriction: its attributes, and the space-separated list (of countries, say) lower-cased as content. */
    static Map<String, Object> restriction(XmlElement e) {
        Map<String, Object> out = lowerCaseKeys(e.attributes());
        if (e.textOrNull() == null) return out;
        List<String> items = new ArrayList<>();
        for (String item : e.text().strip().split(" ", -1)) items.add(item.strip().toLowerCase(Locale.ROOT));
        out.put("content", items);
        return out;
    }

    /**
     * GeoRSS simple (point, line, polygon, box) or GML inside georss:where: {@code type} and
     * {@code coordinates} as (longitude, latitude) pairs; empty when the coordinates do not make the shape.
     */
    static Map<String, Object> where(XmlElement e) {
        String local = e.local.toLowerCase(Locale.ROOT);
        if (local.equals("where")) return gml(e);
        List<List<Double>> pairs = pairs(e.text(), true);
        Map<String, Object> where = new LinkedHashMap<>();
        if (pairs == null) return where;
        switch (local) {
            case "point" -> point(where, pairs);
            case "line" -> shape(where, "LineString", pairs, 1);
            case "polygon" -> polygon(where, pairs);
            case "box" -> {
                if (pairs.size() == 2) shape(where, "Box", pairs, 2);
            }
            default -> { }
        }
        return where;
    }

    private static Map<String, Object> gml(XmlElement where) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (XmlElement geometry : where.elements()) {
            String kind = geometry.local.toLowerCase(Locale.ROOT);
            List<List<Double>> pairs = switch (kind) {
                case "point" -> pairs(descendantText(geometry, "pos"), true);
                case "linestring", "polygon" -> pairs(descendantText(geometry, "posList"), true);
                case "envelope" -> pairs(descendantText(geometry, "lowerCorner") + " " + descendantText(geometry, "upperCorner"), true);
                default -> null;
            };
            if (pairs == null) continue;
            switch (kind) {
                case "point" -> point(out, pairs);
                case "linestring" -> shape(out, "LineString", pairs, 1);
                case "polygon" -> polygon(out, pairs);
                case "envelope" -> {
                    if (pairs.size() == 2) shape(out, "Box", pairs, 2);
                }
                default -> { }
            }
            if (!out.isEmpty()) break;
        }
        return out;
    }

    private static void point(Map<String, Object> where, List<List<Double>> pairs) {
        if (pairs.isEmpty()) return;
        where.put("type", "Point");
        where.put("coordinates", pairs.get(0));
    }

    private static void shape(Map<String, Object> where, String type, List<List<Double>> pairs, int least) {
        if (pairs.size() < least) return;
        where.put("type", type);
        where.put("coordinates", pairs);
    }

    private static void polygon(Map<String, Object> where, List<List<Double>> pairs) {
        if (pairs.size() < 4) return;
        where.put("type", "Polygon");
        where.put("coordinates", List.of(pairs));
    }

    private static String descendantText(XmlElement e, String local) {
        for (XmlElement child : e.elements()) {
            if (child.local.equalsIgnoreCase(local)) return child.text();
            String deeper = descendantText(child, local);
            if (!deeper.isEmpty()) return deeper;
        }
        return "";
    }

    /** "lat lon lat lon ..." as [lon, lat] pairs (a trailing odd number dropped); null when a number is not one. */
    private static List<List<Double>> pairs(String text, boolean swap) {
        if (text.length() > 100_000) return null;
        String[] parts = text.replace(',', ' ').strip().split("\\s+");
        if (parts.length == 1 && parts[0].isEmpty()) return List.of();
        List<List<Double>> out = new ArrayList<>();
        try {
            for (int i = 0; i + 1 < parts.length; i += 2) {
                double a = Double.parseDouble(parts[i]);
                double b = Double.parseDouble(parts[i + 1]);
                out.add(swap ? List.of(b, a) : List.of(a, b));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return out;
    }

    /** Podlove Simple Chapters: the attributes of psc:chapters, and each chapter's with its start in seconds. */
    static Map<String, Object> chapters(XmlElement e) {
        Map<String, Object> out = lowerCaseKeys(e.attributes());
        List<Map<String, Object>> chapters = new ArrayList<>();
        for (XmlElement child : e.elements()) {
            if (!child.local.equalsIgnoreCase("chapter")) continue;
            Map<String, Object> chapter = lowerCaseKeys(child.attributes());
            if (chapter.get("href") instanceof String href) chapter.put("href", child.url(href));
            chapter.put("start_parsed", chapterStart((String) chapter.get("start")));
            chapters.add(chapter);
        }
        out.put("chapters", chapters);
        return out;
    }

    /** "hh:mm:ss.mmm" (hours and milliseconds optional) in seconds, or null. */
    private static Double chapterStart(String start) {
        Matcher m = start == null ? null : CHAPTER_START.matcher(start.strip());
        if (m == null || !m.matches()) return null;
        int hours = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int millis = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        return hours * 3600 + Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4)) + millis / 1000.0;
    }
}
