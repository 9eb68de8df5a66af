package org.tidings.feed;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * People of XML feeds in feedparser's model ({@code name}, {@code email}, {@code href}): RSS and
 * Dublin Core strings such as "jo@example.com (Jo Doe)", and Atom person constructs.
 */
final class People {

    private People() {}

    /** An RSS or Dublin Core person: the first sets {@code field}; an author also joins {@code authors}. */
    static void rss(Map<String, Object> m, String field, XmlElement e) {
        String raw = e.textOrNull();
        if (raw == null || m.containsKey(field)) return;
        Map<String, Object> person = parse(raw);
        FeedModel.person(m, field, person);
        if (field.equals("author")) FeedModel.list(m, "authors").add(person);
    }

    /** "jo@example.com (Jo Doe)", "Jo Doe <jo@example.com>", an address, or a name. */
    static Map<String, Object> parse(String raw) {
        String name = raw;
        String email = null;
        int at = raw.indexOf('@');
        if (at > 0) {
            int open = raw.indexOf('(');
            int lt = raw.indexOf('<');
            if (open > 0 && raw.endsWith(")")) {
                email = raw.substring(0, open).strip();
                name = raw.substring(open + 1, raw.length() - 1).strip();
            } else if (lt >= 0 && raw.endsWith(">")) {
                name = raw.substring(0, lt).strip();
                email = raw.substring(lt + 1, raw.length() - 1).strip();
            } else if (!raw.contains(" ")) {
                email = raw;
                name = null;
            }
            if (email != null && email.startsWith("mailto:")) email = email.substring(7);
            if (email != null && email.indexOf('@') < 0) {
                String swap = name;
                name = email;
                email = swap;
            }
        }
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", FeedModel.blankToNull(name));
        if (email != null) person.put("email", email);
        return person;
    }

    /** An Atom author: every one joins {@code authors}, the first also sets {@code author}. */
    static void atomAuthor(Map<String, Object> m, XmlElement e) {
        Map<String, Object> person = atomPerson(e);
        FeedModel.list(m, "authors").add(person);
        if (!m.containsKey("author")) FeedModel.person(m, "author", person);
    }

    /** An Atom person construct (name, email, uri; 0.3's url), or its bare text as the name. */
    static Map<String, Object> atomPerson(XmlElement e) {
        Map<String, Object> person = new LinkedHashMap<>();
        for (XmlElement child : e.elements()) {
            String local = child.local.toLowerCase(Locale.ROOT);
            String value = child.textOrNull();
            if (value == null) continue;
            switch (local) {
                case "name" -> person.putIfAbsent("name", value);
                case "email" -> person.putIfAbsent("email", value);
                case "uri", "url" -> person.putIfAbsent("href", child.url(value));
                default -> { }
            }
        }
        if (person.isEmpty() && e.textOrNull() != null) person.put("name", e.text().strip());
        return person;
    }
}
