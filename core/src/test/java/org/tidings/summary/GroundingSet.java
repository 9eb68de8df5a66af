package org.tidings.summary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The grounding test set in src/test/resources/summary (see README.md there). */
final class GroundingSet {

    record Article(String id, String lang, String text, boolean dev) {
    }

    record Item(Article article, String kind, String generated) {
        boolean planted() {
            return !"faithful".equals(kind);
        }
    }

    final Map<String, Article> articles = new LinkedHashMap<>();
    final List<Item> items = new ArrayList<>();

    static GroundingSet load() {
        GroundingSet set = new GroundingSet();
        int position = 0;
        for (String line : lines("/summary/articles/languages.tsv")) {
            String[] f = line.split("\t");
            String text = resource("/summary/articles/" + f[0] + ".txt");
            // Dev half: positions 0, 3, 4, 7, 8... (not simply even ones: the kinds of planted items rotate
            // with period four over the picks, so an even/odd split would put no negation or invented
            // item in the dev half).
            int p = position++ % 4;
            set.articles.put(f[0], new Article(f[0], f[1], text, p == 0 || p == 3));
        }
        for (String line : lines("/summary/grounding-set.tsv")) {
            String[] f = line.split("\t");
            set.items.add(new Item(set.articles.get(f[0]), f[1], f[2]));
        }
        set.addTransplants();
        return set;
    }

    /**
     * Invented facts made by rule, not by hand: the first faithful sentence written for the next
     * article (alphabetically, wrapping round), checked against this article. Same register, another
     * event.
     */
    private void addTransplants() {
        List<Article> order = new ArrayList<>(articles.values());
        for (int i = 0; i < order.size(); i++) {
            Article next = order.get((i + 1) % order.size());
            Article target = order.get(i);
            items.stream()
                    .filter(it -> it.article() == next && "faithful".equals(it.kind()))
                    .findFirst()
                    .ifPresent(it -> items.add(new Item(target, "transplant", it.generated())));
        }
    }

    private static List<String> lines(String name) {
        return resource(name).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    static String resource(String name) {
        try (InputStream in = GroundingSet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rates over a subset: share of planted items rejected and of faithful items kept. */
    record Rates(int planted, int rejected, int faithful, int kept) {
        double rejectRate() {
            return planted == 0 ? 1 : (double) rejected / planted;
        }

        double keepRate() {
            return faithful == 0 ? 1 : (double) kept / faithful;
        }
    }

    static Rates rates(List<Item> items, List<Boolean> supported) {
        int planted = 0, rejected = 0, faithful = 0, kept = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).planted()) {
                planted++;
                rejected += supported.get(i) ? 0 : 1;
            } else {
                faithful++;
                kept += supported.get(i) ? 1 : 0;
            }
        }
        return new Rates(planted, rejected, faithful, kept);
    }
}
