package org.tidings.story;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The labelled near-duplicate set: real article texts (test resources, story/neardup), edited
 * copies generated from them with a fixed seed, and distinct articles that must not be merged.
 *
 * <p>Copies (must be found): a new headline only; small word edits (about 4% of words changed or
 * dropped); heavy edits (8%); the last third of the paragraphs trimmed; only the first half kept; two paragraphs added; wire dateline and
 * publisher boilerplate added; everything at once (new headline, a paragraph dropped, 3% edits,
 * boilerplate). Distinct (must not be merged): every pair of different articles; an article that
 * quotes one paragraph of another; and hand-written pairs of reports on the same event that share
 * names, figures and a quote.
 */
final class NearDuplicateCorpus {

    record Text(String id, String title, List<String> paragraphs) {
        String body() {
            return String.join("\n\n", paragraphs);
        }
    }

    /** A labelled pair: is {@code second} a copy of {@code first}? */
    record Pair(String kind, Text first, Text second, boolean copy) {
    }

    private static final List<String> BOILERPLATE_TOP = List.of(
            "LONDON (Wire Service) -",
            "Advertisement",
            "Share this article on Facebook Share on Twitter Email");
    private static final List<String> BOILERPLATE_BOTTOM = List.of(
            "Copyright 2026 The Daily Example. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
            "Sign up for our morning newsletter and get the day's top stories in your inbox every day at 7am.",
            "Related: More stories from our business desk. Follow us on social media for the latest updates.");
    private static final List<String> ADDED = List.of(
            "Editor's note: this article has been updated with additional reporting from our correspondents, who spoke to several people familiar with the matter on condition of anonymity.",
            "Readers who want to learn more can find background material and earlier coverage in our archive, which is free to subscribers and available on the website and in the mobile app.");
    private static final String[] REPLACEMENTS = {"the", "a", "said", "also", "however", "new", "major", "recent", "local", "several"};

    final List<Text> originals;
    final List<Text> sameEvent;

    NearDuplicateCorpus(List<Text> originals, List<Text> sameEvent) {
        this.originals = originals;
        this.sameEvent = sameEvent;
    }

    static NearDuplicateCorpus load() {
        return new NearDuplicateCorpus(read("/story/neardup/articles.txt"), read("/story/neardup/same-event.txt"));
    }

    List<Pair> pairs() {
        List<Pair> out = new ArrayList<>();
        for (Text t : originals) {
            Random random = new Random(t.id().hashCode());
            out.add(new Pair("new headline", t, new Text(t.id() + "-retitled", "Breaking: " + t.title(), t.paragraphs()), true));
            out.add(new Pair("small edits", t, new Text(t.id() + "-edited", t.title(), edit(t.paragraphs(), 0.04, random)), true));
            out.add(new Pair("trimmed", t, new Text(t.id() + "-trimmed", t.title(), trim(t.paragraphs(), 2.0 / 3)), true));
            out.add(new Pair("added paragraphs", t, new Text(t.id() + "-added", t.title(), added(t.paragraphs())), true));
            out.add(new Pair("boilerplate", t, new Text(t.id() + "-boiler", t.title(), boilerplate(t.paragraphs())), true));
            out.add(new Pair("heavy edits (8%)", t, new Text(t.id() + "-heavy", t.title(), edit(t.paragraphs(), 0.08, random)), true));
            out.add(new Pair("first half only", t, new Text(t.id() + "-half", t.title(), trim(t.paragraphs(), 0.5)), true));
            out.add(new Pair("all edits", t, new Text(t.id() + "-all", "Update: " + t.title(),
                    boilerplate(edit(dropMiddle(t.paragraphs()), 0.03, random))), true));
        }
        for (int i = 0; i < originals.size(); i++) {
            for (int j = i + 1; j < originals.size(); j++) {
                out.add(new Pair("distinct", originals.get(i), originals.get(j), false));
            }
        }
        for (int i = 0; i < originals.size(); i++) {
            Text quoted = originals.get(i);
            Text quoting = originals.get((i + 1) % originals.size());
            List<String> paragraphs = new ArrayList<>(quoting.paragraphs());
            paragraphs.add(Math.min(2, paragraphs.size()), longest(quoted.paragraphs()));
            out.add(new Pair("quotes a paragraph", quoted, new Text(quoting.id() + "-quoting-" + quoted.id(), quoting.title(), paragraphs), false));
        }
        for (int i = 0; i + 1 < sameEvent.size(); i += 2) {
            out.add(new Pair("same event", sameEvent.get(i), sameEvent.get(i + 1), false));
        }
        return out;
    }

    private static List<String> edit(List<String> paragraphs, double rate, Random random) {
        List<String> out = new ArrayList<>();
        for (String p : paragraphs) {
            List<String> words = new ArrayList<>(Arrays.asList(p.split(" ")));
            for (int k = 0; k < words.size(); k++) {
                if (random.nextDouble() < rate) {
                    if (random.nextBoolean() && words.size() > 1) {
                        words.remove(k);
                    } else {
                        words.set(k, REPLACEMENTS[random.nextInt(REPLACEMENTS.length)]);
                    }
                }
            }
            out.add(String.join(" ", words));
        }
        return out;
    }

    private static List<String> trim(List<String> paragraphs, double keep) {
        return List.copyOf(paragraphs.subList(0, Math.max(2, (int) Math.ceil(paragraphs.size() * keep))));
    }

    private static List<String> added(List<String> paragraphs) {
        List<String> out = new ArrayList<>(paragraphs);
        out.add(1, ADDED.get(0));
        out.add(ADDED.get(1));
        return out;
    }

    private static List<String> boilerplate(List<String> paragraphs) {
        List<String> out = new ArrayList<>(BOILERPLATE_TOP);
        out.addAll(paragraphs);
        out.addAll(BOILERPLATE_BOTTOM);
        return out;
    }

    private static List<String> dropMiddle(List<String> paragraphs) {
        List<String> out = new ArrayList<>(paragraphs);
        out.remove(out.size() / 2);
        return out;
    }

    private static String longest(List<String> paragraphs) {
        return paragraphs.stream().max((a, b) -> a.length() - b.length()).orElseThrow();
    }

    private static List<Text> read(String resource) {
        try (InputStream in = NearDuplicateCorpus.class.getResourceAsStream(resource)) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Text> out = new ArrayList<>();
            for (String block : all.split("(?m)^### ")) {
                if (block.isBlank()) {
                    continue;
                }
                String[] lines = block.split("\n", 3);
                List<String> paragraphs = Arrays.stream(lines[2].split("\n\\s*\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
                out.add(new Text(lines[0].strip(), lines[1].replaceFirst("^# ", "").strip(), paragraphs));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
