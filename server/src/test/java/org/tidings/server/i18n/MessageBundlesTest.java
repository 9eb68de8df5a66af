package org.tidings.server.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundles are complete: every key a page uses exists in every language, no language has a key
 * the others lack, and every sentence is a valid MessageFormat pattern.
 */
class MessageBundlesTest {

    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Path JAVA = Path.of("src/main/java");
    /** page.t("key" and Message.of("key" with a literal key; a key built at run time ("error.reason." + kind) is a prefix and skipped. */
    private static final Pattern USED = Pattern.compile("(?:\\.t|\\.markup|Message\\.of)\\(\\s*\"([a-zA-Z0-9_.]+)\"");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageHasTheSameKeys() throws IOException {
        Properties english = bundle("messages.properties");
        for (Locale locale : ReaderLocales.SUPPORTED) {
            if (locale.getLanguage().equals("en")) continue;
            Properties other = bundle("messages_" + locale.getLanguage() + ".properties");
            assertThat(new TreeSet<>(other.stringPropertyNames())).as(locale + " keys")
                    .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        }
    }

    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (Locale locale : ReaderLocales.SUPPORTED) {
            String name = locale.getLanguage().equals("en") ? "messages.properties" : "messages_" + locale.getLanguage() + ".properties";
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String trimmed = line.strip();
                    if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) continue;
                    String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
                    if (!seen.add(key)) twice.add(key);
                }
            }
            assertThat(twice).as(name + ": keys written twice (the second silently wins)").isEmpty();
        }
    }

    @Test
    void everySentenceIsAValidPatternAndTheNonEnglishOnesAreTranslated() throws IOException {
        Properties english = bundle("messages.properties");
        for (Locale locale : ReaderLocales.SUPPORTED) {
            Properties p = locale.getLanguage().equals("en") ? english : bundle("messages_" + locale.getLanguage() + ".properties");
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                assertThat(value).as(key).isNotBlank();
                new MessageFormat(value, locale).format(new Object[] {1, 2, 3, 4, 5, 6});
            }
        }
        Properties arabic = bundle("messages_ar.properties");
        long untranslated = arabic.stringPropertyNames().stream()
                .filter(k -> arabic.getProperty(k).equals(english.getProperty(k))
                        && arabic.getProperty(k).replaceAll("\\{[^}]*}", "").matches("(?s).*[a-z]{4,}.*"))
                .filter(k -> !k.startsWith("nav.language.") && !k.equals("site.name") && !k.equals("site.title"))
                .count();
        assertThat(untranslated).as("Arabic sentences identical to the English ones").isZero();
    }

    /** "1 seconds", "1 publishers": a count is worded by a choice pattern, for one and for many. */
    @Test
    void englishCountsAreWordedForOne() throws IOException {
        Properties english = bundle("messages.properties");
        Pattern oneMany = Pattern.compile("\\b1 (?!(?:was|is|has|links)\\b)[a-z]+s\\b");
        Set<String> wrong = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            String once = new MessageFormat(english.getProperty(key), Locale.ENGLISH).format(new Object[] {1, 1, 1, 1, 1, 1});
            if (oneMany.matcher(once).find()) wrong.add(key + ": " + once);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        for (Path root : new Path[] {TEMPLATES, JAVA}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = USED.matcher(Files.readString(f));
                    while (m.find()) {
                        if (!m.group(1).endsWith(".")) used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).as("keys found in templates and code").hasSizeGreaterThan(50);
        assertThat(keys).containsAll(used);
    }
}
