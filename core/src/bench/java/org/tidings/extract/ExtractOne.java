package org.tidings.extract;

import java.nio.file.Files;
import java.nio.file.Path;

/** Prints what the extractor makes of one file (a development aid): {@code ExtractOne FILE [URL]}. */
public final class ExtractOne {
    public static void main(String[] args) throws Exception {
        ExtractedArticle a = ArticleExtractor.extract(Files.readAllBytes(Path.of(args[0])), null,
                args.length > 1 ? args[1] : DataSets.DEV_URL);
        System.out.println("title: " + a.title() + "\nbyline: " + a.byline() + "\npublished: " + a.published()
                + "\nexcerpt: " + a.excerpt() + "\n----\n" + a.text());
        if (args.length > 2) System.out.println("----\n" + a.html());
    }
}
