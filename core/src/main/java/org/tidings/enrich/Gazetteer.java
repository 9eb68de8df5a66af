package org.tidings.enrich;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tidings.text.Folding;
import org.tidings.text.Token;
import org.tidings.text.WordLists;

/**
 * Known places and organisations, looked up by folded phrase. Country names in English and Arabic come from the
 * JDK's locale data; {@code places.txt} adds aliases, cities, states and the regions of the editions;
 * {@code entities.txt} adds organisations. Immutable once built.
 */
final class Gazetteer {

    /** JDK country names that are also common words or names; they count only with support (see PlaceFinder). */
    private static final Set<String> AMBIGUOUS_JDK_NAMES = Set.of(
            "jersey", "guernsey", "georgia", "jordan", "chad", "niger", "guinea", "turkey", "reunion", "réunion",
            "christmas island", "norfolk island", "isle of man", "mali", "israel", "dominica", "cook islands");
    /** Lower-case words allowed inside a capitalised name ("Bank of England", "Trinidad and Tobago"). */
    static final Set<String> CONNECTORS = Set.of("of", "and", "the", "de", "del", "da", "al", "el", "bin", "bint",
            "ibn", "von", "van", "der", "la", "le", "du", "di", "&", "for", "on");
    /** Country code of places that lie in no one country (continents, seas, regions). */
    private static final String NO_COUNTRY = "--";
    /** Names this short must be written exactly as listed: short words collide with pronouns and acronyms. */
    private static final int SHORT_NAME = 3;

    /** A known name: what it is, its canonical English name, its Arabic name, its country (places only). */
    record Entry(Topic.Kind kind, String canonical, String arabic, String country, boolean ambiguous,
                 boolean demonym) {

        Entry(Topic.Kind kind, String canonical, String arabic, String country) {
            this(kind, canonical, arabic, country, false, false);
        }

        Entry ambiguousCopy() {
            return new Entry(kind, canonical, arabic, country, true, false);
        }

        Entry demonymCopy() {
            return new Entry(kind, canonical, arabic, country, false, true);
        }
    }

    record Match(Entry entry, int length) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, Set<String>> regionsOfCountry = new HashMap<>();
    private final Map<String, String> arabicCountryNames = new HashMap<>();
    /** Names of three letters or fewer as written ("US", "WHO", "Fed"): "Us", "Who" and "us" are not them. */
    private final Set<String> shortNames = new java.util.HashSet<>();
    /** First word of every name, with the most words a name starting with it has: most words start no name. */
    private final Map<String, Integer> firstWords = new HashMap<>();

    Gazetteer() {
        loadJdkCountries();
        loadPlaces();
        loadOrganisations();
    }

    Set<String> regionsOf(String country) {
        return regionsOfCountry.getOrDefault(country, Set.of());
    }

    /** The longest known name starting at token {@code i}, or null. */
    Match match(List<Token> tokens, int i) {
        // the first word as written, and for Arabic without a glued conjunction or preposition
        List<String> firsts = Folding.withoutClitics(tokens.get(i).key());
        int longestHere = firsts.stream().mapToInt(first -> firstWords.getOrDefault(first, 0)).max().orElse(0);
        for (int length = Math.min(longestHere, tokens.size() - i); length >= 1; length--) {
            Entry entry = lookup(firsts, tokens, i, length);
            if (entry != null && writtenAsName(tokens, i, length, entry)) {
                return new Match(entry, length);
            }
        }
        return null;
    }

    /** The entry of an exact (folded) name, or null: for datelines. */
    Entry lookup(String name) {
        return entries.get(Folding.phraseKey(name));
    }

    private Entry lookup(List<String> firsts, List<Token> tokens, int i, int length) {
        StringBuilder rest = new StringBuilder();
        for (int j = i + 1; j < i + length; j++) {
            rest.append(' ').append(tokens.get(j).key());
        }
        for (String first : firsts) {
            int longestFromHere = firstWords.getOrDefault(first, 0);
            Entry entry = length <= longestFromHere ? entries.get(length == 1 ? first : first + rest) : null;
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    /**
     * Latin names must be written as names: capitalised words (guards against "turkey", "china", "who", "us"), and an
     * acronym in capitals ("WHO", not "Who").
     */
    private boolean writtenAsName(List<Token> tokens, int i, int length, Entry entry) {
        Token first = tokens.get(i);
        if (first.arabic()) {
            return true;
        }
        for (int j = i; j < i + length; j++) {
            Token token = tokens.get(j);
            boolean connector = j > i && j < i + length - 1 && CONNECTORS.contains(token.key());
            if (!connector && !token.capitalised() && !Character.isDigit(token.surface().charAt(0))) {
                return false;
            }
        }
        return length > 1 || first.key().length() > SHORT_NAME || shortNames.contains(first.surface().replace(".", ""));
    }

    private void loadJdkCountries() {
        Locale arabic = Locale.of("ar");
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            String english = country.getDisplayCountry(Locale.ENGLISH);
            if (english.isBlank() || english.equals(code)) {
                continue;
            }
            String canonical = mainName(english);
            String arabicName = country.getDisplayCountry(arabic);
            arabicCountryNames.put(code, arabicName);
            boolean ambiguous = AMBIGUOUS_JDK_NAMES.contains(canonical.toLowerCase(Locale.ROOT));
            Entry entry = new Entry(Topic.Kind.PLACE, canonical, arabicName, code);
            for (String name : nameVariants(english)) {
                add(name, ambiguous ? entry.ambiguousCopy() : entry);
            }
            add(arabicName, entry);
        }
    }

    /** "Myanmar (Burma)" is Myanmar and Burma; "Congo - Kinshasa" is also Congo; "St. Lucia" is also Saint Lucia. */
    private static List<String> nameVariants(String english) {
        Set<String> names = new LinkedHashSet<>();
        names.add(english);
        names.add(mainName(english));
        int paren = english.indexOf(" (");
        if (paren > 0 && english.endsWith(")")) {
            names.add(english.substring(paren + 2, english.length() - 1));
        }
        for (String name : List.copyOf(names)) {
            names.add(name.replace("&", "and"));
            names.add(name.replace("St. ", "Saint "));
        }
        return List.copyOf(names);
    }

    private static String mainName(String english) {
        String name = english;
        int paren = name.indexOf(" (");
        if (paren > 0) {
            name = name.substring(0, paren);
        }
        int dash = name.indexOf(" - ");
        return dash > 0 ? name.substring(0, dash) : name;
    }

    private void loadPlaces() {
        for (String line : WordLists.lines("/org/tidings/enrich/places.txt")) {
            if (line.startsWith("@")) {
                loadRegion(line);
            } else {
                loadPlace(line.split(";"));
            }
        }
    }

    private void loadRegion(String line) {
        String[] parts = line.substring(1).split("\\s+");
        for (int i = 1; i < parts.length; i++) {
            regionsOfCountry.computeIfAbsent(parts[i], k -> new LinkedHashSet<>()).add(parts[0]);
        }
    }

    /**
     * "CC;=;alias;alias" adds names of the country itself; "CC;Name|alias;Name|alias" adds places in it. A name
     * starting with "*" is ambiguous, one starting with "~" a demonym.
     */
    private void loadPlace(String[] fields) {
        String code = fields[0];
        if (fields[1].equals("=")) {
            Entry country = new Entry(Topic.Kind.PLACE, mainName(Locale.of("", code).getDisplayCountry(Locale.ENGLISH)),
                    arabicCountryNames.get(code), code);
            for (int i = 2; i < fields.length; i++) {
                addMarked(fields[i], country);
            }
            return;
        }
        for (int i = 1; i < fields.length; i++) {
            String[] names = fields[i].split("\\|");
            String country = code.equals(NO_COUNTRY) ? null : code;
            Entry place = new Entry(Topic.Kind.PLACE, names[0].replace("*", ""), firstArabic(names), country);
            for (String name : names) {
                addMarked(name, place);
            }
        }
    }

    private void addMarked(String name, Entry entry) {
        if (name.startsWith("*")) {
            add(name.substring(1), entry.ambiguousCopy());
        } else if (name.startsWith("~")) {
            add(name.substring(1), entry.demonymCopy());
        } else {
            add(name, entry);
        }
    }

    private void loadOrganisations() {
        Map<String, List<String>> sections = WordLists.sections("/org/tidings/enrich/entities.txt", ";");
        for (String organisation : sections.get("org")) {
            String[] names = organisation.split("\\|");
            Entry entry = new Entry(Topic.Kind.ORGANIZATION, names[0], firstArabic(names), null);
            for (String name : names) {
                if (!entries.containsKey(Folding.phraseKey(name))) {
                    add(name, entry);
                }
            }
        }
    }

    private static String firstArabic(String[] names) {
        return Arrays.stream(names).filter(Folding::isArabic).findFirst().orElse(null);
    }

    private void add(String name, Entry entry) {
        String key = Folding.phraseKey(name);
        if (key.isEmpty()) {
            return;
        }
        entries.put(key, entry);
        if (key.length() <= SHORT_NAME) {
            shortNames.add(name.replace(".", ""));
        }
        String[] words = key.split(" ");
        firstWords.merge(words[0], words.length, Math::max);
    }
}
