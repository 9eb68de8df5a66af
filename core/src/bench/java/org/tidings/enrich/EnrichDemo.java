package org.tidings.enrich;

import java.nio.file.Files;
import java.nio.file.Path;

/** Prints the enrichment of a title and a text file: {@code EnrichDemo "title" file.txt [lang] [section]}. */
public final class EnrichDemo {
    public static void main(String[] args) throws Exception {
        Enricher enricher = new Enricher();
        String text = args.length > 1 ? Files.readString(Path.of(args[1])) : "";
        Enrichment e = enricher.enrich(args[0], text, args.length > 2 ? args[2] : null, args.length > 3 ? args[3] : null);
        System.out.println("lang " + e.lang() + " " + e.langConfidence());
        System.out.println("section " + e.section() + " " + e.sectionConfidence());
        e.topics().forEach(t -> System.out.println("  " + t + " " + t.hashtag()));
        System.out.println("countries " + e.countries());
        System.out.println("regions " + e.regions());
    }
}
