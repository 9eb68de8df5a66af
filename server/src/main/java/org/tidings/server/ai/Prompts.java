package org.tidings.server.ai;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntToLongFunction;
import java.util.stream.Collectors;
import org.tidings.server.store.ArticleView;
import org.tidings.summary.ArticleDigest;
import org.tidings.summary.ModelAnswer;
import org.tidings.summary.Sentence;
import org.tidings.summary.Summarizer;
import org.tidings.summary.TranslationCheck;

/**
 * What the model is asked per feature, and the check its answer must pass against what was sent
 * (a headline: the title too; a translation: line by line). Articles are sent from their start.
 */
record Prompts(int maxInputChars) {

    /** Changing a prompt changes this, so that cached answers to the old prompt are not reused. */
    static final String VERSION = "1";

    private static final String SYSTEM = """
            You are a careful news editor. Use only facts stated in the article you are given. Do not add \
            facts, numbers, names, opinions or background. Write plain sentences: no lists, no headings, \
            no markdown, no introduction.""";

    /** {@code backInto}: for a translation, the original's language to translate passed lines back into; else null. */
    record Prompt(String lang, String system, String user, Function<String, List<Generated.Line>> check, String backInto) {}

    Prompt forArticle(ArticleView article, ArticleDigest digest, Feature feature, Locale reader) {
        String lang = digest.lang();
        List<Sentence> sent = sent(digest);
        String text = text(sent);
        String language = languageName(lang);
        String title = article.title() == null ? "" : article.title().strip();
        return switch (feature) {
            case SUMMARY -> checked(lang, "Summarize this news article in three to five sentences, in " + language
                    + ".\n\nTitle: " + title + "\n\nArticle:\n" + text, sent, i -> 0);
            case SIMPLE -> checked(lang, "Explain this news article simply, for a reader of about twelve, in four to "
                    + "six short sentences, in " + language + ". Keep names and numbers exactly as the article writes "
                    + "them.\n\nTitle: " + title + "\n\nArticle:\n" + text, sent, i -> 0);
            case HEADLINE -> {
                List<Sentence> withTitle = new ArrayList<>(sent);
                withTitle.addFirst(new Sentence(0, 0, title.length(), title));
                yield new Prompt(lang, SYSTEM, "Rewrite the headline of this news article as one neutral, factual "
                        + "sentence that says what happened, in " + language + ": no question, no teasing, no "
                        + "exaggeration. Reply with the headline only.\n\nHeadline: " + title + "\n\nArticle:\n" + text,
                        answer -> lines(ModelAnswer.headline(answer), withTitle, lang, i -> 0), null);
            }
            case TRANSLATE -> {
                List<String> originals = picked(digest).stream().map(Sentence::text).toList();
                yield translation(lang, reader.getLanguage(), originals, answer -> translated(answer, originals), lang);
            }
        };
    }

    /** In the language most reports use, from their summaries and key points; each sentence links to its report. */
    Prompt forStory(List<ModelAssistant.StoryReport> reports) {
        String lang = reports.stream().collect(Collectors.groupingBy(r -> r.digest().lang(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<Sentence> sources = new ArrayList<>();
        List<Long> articleOf = new ArrayList<>();
        StringBuilder user = new StringBuilder("These are reports of one news story by several publishers. Summarize "
                + "the story in four to six sentences, in " + languageName(lang) + ": what happened, and what only "
                + "some reports say, naming the publisher.\n");
        int length = 0;
        for (ModelAssistant.StoryReport report : reports) {
            if (!report.digest().lang().equals(lang)) continue;
            List<Sentence> picked = picked(report.digest());
            String text = text(picked);
            if (length + text.length() > maxInputChars && !sources.isEmpty()) break;
            length += text.length();
            user.append("\nReport by ").append(report.publisher()).append(":\n").append(text).append('\n');
            sources.addAll(picked);
            articleOf.addAll(Collections.nCopies(picked.size(), report.articleId()));
        }
        return checked(lang, user.toString(), sources, articleOf::get);
    }

    Prompt backTranslation(Prompt translation, List<String> lines) {
        return translation(translation.lang(), translation.backInto(), lines, null, null);
    }

    private static Prompt translation(String from, String into, List<String> lines,
            Function<String, List<Generated.Line>> check, String backInto) {
        StringBuilder user = new StringBuilder("Translate each numbered sentence from ").append(languageName(from))
                .append(" into ").append(languageName(into))
                .append(". Reply with the same numbered lines, one per line, in the same order, and nothing else.\n\n");
        for (int i = 0; i < lines.size(); i++) {
            user.append(i + 1).append(". ").append(lines.get(i).replaceAll("\\s+", " ")).append('\n');
        }
        return new Prompt(into, SYSTEM, user.toString(), check, backInto);
    }

    /** A translation's lines that came back under their number, each checked against its original alone. */
    private static List<Generated.Line> translated(String answer, List<String> originals) {
        String[] byNumber = ModelAnswer.numberedLines(answer, originals.size());
        List<Generated.Line> lines = new ArrayList<>();
        for (int i = 0; i < byNumber.length; i++) {
            if (byNumber[i] == null || byNumber[i].isEmpty()) continue;
            String original = originals.get(i);
            lines.add(new Generated.Line(byNumber[i], TranslationCheck.plausible(original, byNumber[i]), List.of(original), 0));
        }
        return lines;
    }

    private static Prompt checked(String lang, String user, List<Sentence> sources, IntToLongFunction articleOf) {
        return new Prompt(lang, SYSTEM, user, answer -> lines(ModelAnswer.sentences(answer, lang), sources, lang, articleOf), null);
    }

    /** The generated sentences checked against the sources, with the sources each rests on and the article of the first. */
    private static List<Generated.Line> lines(List<String> generated, List<Sentence> sources, String lang,
            IntToLongFunction articleOf) {
        return Summarizer.check(generated, sources, lang).verdicts().stream().map(v -> new Generated.Line(v.sentence(),
                v.supported(), v.sources().stream().map(i -> sources.get(i).text()).toList(),
                v.sources().isEmpty() ? 0 : articleOf.applyAsLong(v.sources().getFirst()))).toList();
    }

    /** The article's sentences that fit in the input allowance, from the start. */
    private List<Sentence> sent(ArticleDigest digest) {
        List<Sentence> sent = new ArrayList<>();
        int length = 0;
        for (Sentence s : digest.sentences()) {
            length += s.text().length() + 1;
            if (length > maxInputChars && !sent.isEmpty()) break;
            sent.add(s);
        }
        return sent;
    }

    /** The digest's summary and key points, in article order. */
    private static List<Sentence> picked(ArticleDigest digest) {
        List<Sentence> picked = new ArrayList<>(digest.summary());
        picked.addAll(digest.keyPoints());
        picked.sort(Comparator.comparingInt(Sentence::index));
        return picked;
    }

    private static String text(List<Sentence> sentences) {
        return String.join(" ", sentences.stream().map(Sentence::text).toList());
    }

    private static String languageName(String lang) {
        String name = Locale.forLanguageTag(lang).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? lang : name;
    }
}
