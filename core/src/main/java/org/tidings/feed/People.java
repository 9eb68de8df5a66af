package org.tidings.feed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People of XML feeds in feedparser's model ({@code name}, {@code email}, {@code href}): RSS and
 * Dublin Core strings such as "jo@example.com (Jo Doe)", kept as written with the parts in the
 * detail, and Atom person constructs, written "name (email)".
 */
final class People {

    /** feedparser's address pattern: the first address in the text, with an optional "?subject=". */
    private static final Pattern EMAIL = Pattern.compile(
            "(([a-zA-Z0-9_\\-.+]+)@((\\[[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.)|(([a-zA-Z0-9\\-]+\\.)+))([a-zA-Z]{2,4}|[0-9]{1,3})(]?))(\\?subject=\\S+)?");

    private People() {}

    /**
     * An RSS or Dublin Core person ({@code field} is author or publisher): the text as written, the
     * first one's parts as the detail; every author joins {@code authors}, the last one's text stays.
     */
    static void rss(Map<String, Object> m, String field, XmlElement e) {
        String raw = e.textOrNull();
        if (raw == null) return;
        Map<String, Object> person = parse(raw);
        m.put(field, raw);
        if (!person.isEmpty()) m.putIfAbsent(field + "_detail", person);
        if (field.equals("author")) FeedModel.list(m, "authors").add(person);
    }

    /** The name and address in "jo@example.com (Jo Doe)", "Jo Doe <jo@example.com>", an address or a name. */
    static Map<String, Object> parse(String raw) {
        Map<String, Object> person = new LinkedHashMap<>();
        String name = raw;
        String email = null;
        Matcher m = EMAIL.matcher(raw);
        if (m.find()) {
            email = m.group();
            name = raw.replace(email, "").replace("()", "").replace("<>", "").replace("&lt;&gt;", "").strip();
            if (name.startsWith("(")) name = name.substring(1);
            if (name.endsWith(")")) name = name.substring(0, name.length() - 1);
            name = name.strip();
        }
        if (!name.isEmpty()) person.put("name", name);
        if (email != null) person.put("email", email);
        return person;
    }

    /**
     * An Atom author (also an iTunes owner): every one joins {@code authors}; the detail gathers what they
     * give (a later one's part replacing an earlier one's), {@code author} is the last one's "name (email)".
     */
    static void atomAuthor(Map<String, Object> m, String field, XmlElement e) {
        Map<String, Object> person = atomPerson(e);
        if (field.equals("author")) FeedModel.list(m, "authors").add(person);
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = m.get(field + "_detail") instanceof Map<?, ?> d ? (Map<String, Object>) d : new LinkedHashMap<>();
        detail.putAll(person);
        if (detail.isEmpty()) return;
        m.put(field + "_detail", detail);
        String display = display(person);
        if (display != null) m.put(field, display);
    }

    /** "name (email)", the name, or the address. */
    static String display(Map<String, Object> person) {
        Object name = person.get("name");
        Object email = person.get("email");
        if (name != null && email != null) return name + " (" + email + ")";
        return name != null ? (String) name : (String) email;
    }

    static void contributor(Map<String, Object> m, XmlElement e) {
        FeedModel.list(m, "contributors").add(atomPerson(e));
    }

    /** An Atom person construct (name, email, uri; 0.3's url and homepage), or its bare text as the name. */
    static Map<String, Object> atomPerson(XmlElement e) {
        Map<String, Object> person = new LinkedHashMap<>();
        List<XmlElement> children = e.elements();
        for (XmlElement child : children) {
            String local = child.local.toLowerCase(Locale.ROOT);
            String value = child.textOrNull();
            if (value == null) continue;
            switch (local) {
                case "name" -> person.put("name", value);
                case "email" -> person.put("email", value);
                case "uri", "url", "homepage" -> person.put("href", child.url(value));
                default -> { }
            }
        }
        if (children.isEmpty() && e.textOrNull() != null) person.putAll(parse(e.text().strip()));
        return person;
    }
}
