package org.tidings.server.ai;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.GeneratedTextStore;
import org.tidings.summary.ArticleDigest;
import org.tidings.summary.Grounding;
import org.tidings.summary.Sentence;
import org.tidings.summary.Summarizer;

/**
 * The optional language model's features for an article, each checked against the article before
 * a reader sees it: every generated sentence the article does not support is dropped (or shown
 * marked, by configuration), every kept sentence links to the sentence it rests on, and every
 * output names its model. Answers are cached per article, feature, language and model; requests
 * are rate-limited; on any failure the caller shows the offline result, and the failure is logged
 * once and counted ({@code tidings.ai.llm{outcome,feature}}).
 *
 * <p>A translation shares no words with its original, so the lexical check cannot read it
 * directly. The model translates the offline summary's sentences one numbered line each; a line
 * is kept when it comes back under its number, is not much longer than its original, states no
 * number its original does not, and its back-translation (asked of the same model, line by line)
 * passes the check against its original: a clause the translation added comes back in the
 * back-translation and finds no support. What a model both adds and then silently drops again
 * escapes this, and so does a short clause added to a long sentence (the lexical check weighs it
 * against the many words it shares with the original); the box says what was checked. Each line
 * links to its original.
 */
@Service
public class ModelAssistant {

    private static final Logger log = LoggerFactory.getLogger(ModelAssistant.class);

    /** Changing a prompt changes this, so that cached answers to the old prompt are not reused. */
    static final String PROMPT_VERSION = "1";
    /**
     * A translated line longer than this many times its original (plus some slack for short ones)
     * says more than the original did: Arabic and German run up to about 1.5 times English.
     */
    static final double MAX_TRANSLATION_GROWTH = 2.5;
    static final int TRANSLATION_SLACK = 40;
    /** Lines shown of an answer at most: a summary of a page, not a second article. */
    static final int MAX_LINES = 8;

    private static final String SYSTEM = """
            You are a careful news editor. Use only facts stated in the article you are given. Do not add \
            facts, numbers, names, opinions or background. Write plain sentences: no lists, no headings, \
            no markdown, no introduction.""";
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•]+|\\d{1,2}[.)])\\s+");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\[?(\\d{1,2})[\\].):]\\s*(.+)$");
    private static final Pattern NUMBER = Pattern.compile("\\p{Nd}(?:[\\p{Nd},.\\u066B\\u066C]*\\p{Nd})?");

    private final TidingsProperties.Llm settings;
    private final ChatCompletions model;
    private final RequestBudget budget;
    private final GeneratedTextStore cache;
    private final MeterRegistry metrics;

    @Autowired
    public ModelAssistant(TidingsProperties properties, GeneratedTextStore cache, MeterRegistry metrics) {
        this(properties.llm(), cache, metrics);
    }

    ModelAssistant(TidingsProperties.Llm settings, GeneratedTextStore cache, MeterRegistry metrics) {
        this.settings = settings;
        this.model = settings.enabled()
                ? new ChatCompletions(settings.url(), settings.model(), settings.apiKey(), settings.timeout()) : null;
        this.budget = new RequestBudget(settings.requestsPerMinute(), System::nanoTime);
        this.cache = cache;
        this.metrics = metrics;
    }

    public boolean enabled() {
        return model != null;
    }

    /** The features offered on an article read in this language; none without a model. */
    public List<Feature> features(ArticleDigest digest, Locale reader) {
        if (!enabled()) return List.of();
        List<Feature> features = new ArrayList<>(List.of(Feature.SUMMARY, Feature.SIMPLE, Feature.HEADLINE));
        if (!digest.lang().equals(reader.getLanguage())) features.add(Feature.TRANSLATE);
        return features;
    }

    /** What the model wrote, grounded; empty when there is no model or it failed (then logged and counted). */
    public Optional<Generated> generate(ArticleView article, ArticleDigest digest, Feature feature, Locale reader) {
        if (!enabled() || feature == null || !features(digest, reader).contains(feature)) return Optional.empty();
        Request request = request(article, digest, feature, reader);
        return generate(new GeneratedTextStore.Key("article", article.id(), feature.param(), request.lang(), model.model()),
                request, feature);
    }

    private Optional<Generated> generate(GeneratedTextStore.Key key, Request request, Feature feature) {
        String hash = hash(request.system() + "\u0000" + request.user());
        try {
            Optional<String> cached = cached(key, hash);
            String answer = cached.isPresent() ? cached.get() : ask(request, key, hash);
            List<Generated.Line> lines = request.ground(answer);
            if (request.back() != null) lines = backChecked(key, lines, request.back());
            Generated generated = new Generated(feature, model.model(), request.lang(), shown(lines));
            if (generated.lines().stream().noneMatch(Generated.Line::supported)) {
                throw new ModelFailure(ModelFailure.Reason.UNSUPPORTED, "no sentence of the answer is supported");
            }
            count(cached.isPresent() ? "cached" : "ok", feature);
            return Optional.of(generated);
        } catch (ModelFailure failure) {
            onFailure(key, feature, failure);
            return Optional.empty();
        } catch (RuntimeException bug) { // a reader still gets the offline box, never an error page
            onFailure(key, feature, new ModelFailure(ModelFailure.Reason.ERROR, bug.toString()));
            return Optional.empty();
        }
    }

    /** One article of a story as the story summary sends it: its digest's sentences. */
    record StoryReport(long articleId, String publisher, ArticleDigest digest) {}

    /**
     * A summary of a story across its reports, in the language most of them are written in; each
     * sentence checked against the sentences sent of every report, and linked to the report it
     * rests on. Empty when there is no model or it failed.
     */
    Optional<Generated> summarizeStory(long storyId, List<StoryReport> reports) {
        if (!enabled() || reports.isEmpty()) return Optional.empty();
        String lang = reports.stream().collect(Collectors.groupingBy(r -> r.digest().lang(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<Sentence> sources = new ArrayList<>();
        List<Long> articleOf = new ArrayList<>();
        StringBuilder user = new StringBuilder("These are reports of one news story by several publishers. Summarize "
                + "the story in four to six sentences, in " + languageName(lang) + ": what happened, and what only "
                + "some reports say, naming the publisher.\n");
        int length = 0;
        for (StoryReport report : reports) {
            if (!report.digest().lang().equals(lang)) continue;
            List<Sentence> picked = new ArrayList<>(report.digest().summary());
            picked.addAll(report.digest().keyPoints());
            picked.sort(Comparator.comparingInt(Sentence::index));
            String text = String.join(" ", picked.stream().map(Sentence::text).toList());
            if (length + text.length() > settings.maxInputChars() && !sources.isEmpty()) break;
            length += text.length();
            user.append("\nReport by ").append(report.publisher()).append(":\n").append(text).append('\n');
            for (Sentence p : picked) {
                sources.add(new Sentence(sources.size(), p.start(), p.end(), p.text()));
                articleOf.add(report.articleId());
            }
        }
        Request request = new Request(lang, SYSTEM, user.toString(), answer -> {
            List<Generated.Line> lines = new ArrayList<>();
            for (Generated.Line l : checked(sentencesOf(answer, lang), sources, lang)) {
                int first = sources.stream().filter(x -> x.text().equals(l.firstEvidence())).findFirst()
                        .map(Sentence::index).orElse(-1);
                lines.add(new Generated.Line(l.text(), l.supported(), l.evidence(), first < 0 ? 0 : articleOf.get(first)));
            }
            return lines;
        });
        return generate(new GeneratedTextStore.Key("story", storyId, Feature.SUMMARY.param(), lang, model.model()),
                request, Feature.SUMMARY);
    }

    private String ask(Request request, GeneratedTextStore.Key key, String hash) throws ModelFailure {
        if (!budget.tryTake()) throw new ModelFailure(ModelFailure.Reason.RATE_LIMITED, "over " + settings.requestsPerMinute() + " requests a minute");
        String answer = model.complete(request.system(), request.user());
        try {
            cache.save(key, hash, answer);
        } catch (DataAccessException e) {
            log.atWarn().addKeyValue("event", "llm_cache_failed").addKeyValue("article_id", key.subjectId())
                    .log("could not keep the answer: {}", e.getMessage()); // the reader still gets it
        }
        return answer;
    }

    /** The cached answer; a database that cannot answer is a miss, not an error page. */
    private Optional<String> cached(GeneratedTextStore.Key key, String hash) {
        try {
            return cache.find(key, hash);
        } catch (DataAccessException e) {
            log.atWarn().addKeyValue("event", "llm_cache_failed").addKeyValue("article_id", key.subjectId())
                    .log("could not read the cache: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private List<Generated.Line> shown(List<Generated.Line> lines) {
        return lines.stream()
                .filter(l -> l.supported() || settings.unsupported() == TidingsProperties.Llm.Unsupported.MARK)
                .limit(MAX_LINES).toList();
    }

    private void onFailure(GeneratedTextStore.Key key, Feature feature, ModelFailure failure) {
        count(failure.reason().tag(), feature);
        var event = failure.reason() == ModelFailure.Reason.RATE_LIMITED ? log.atDebug() : log.atInfo();
        event.addKeyValue("event", "llm_failed").addKeyValue(key.subject() + "_id", key.subjectId())
                .addKeyValue("feature", feature.param()).addKeyValue("model", model.model())
                .addKeyValue("reason", failure.reason().tag()).addKeyValue("detail", failure.getMessage())
                .log("language model gave nothing usable; the offline result is shown");
    }

    private void count(String outcome, Feature feature) {
        metrics.counter("tidings.ai.llm", "outcome", outcome, "feature", feature.param()).increment();
    }

    /** One question to the model and the check its answer must pass. */
    private record Request(String lang, String system, String user, Grounder grounder, BackTranslation back) {
        Request(String lang, String system, String user, Grounder grounder) {
            this(lang, system, user, grounder, null);
        }

        List<Generated.Line> ground(String answer) {
            return grounder.ground(answer);
        }
    }

    @FunctionalInterface
    private interface Grounder {
        List<Generated.Line> ground(String answer);
    }

    private Request request(ArticleView article, ArticleDigest digest, Feature feature, Locale reader) {
        String lang = digest.lang();
        List<Sentence> sent = sentSentences(digest);
        String text = String.join(" ", sent.stream().map(Sentence::text).toList());
        String language = languageName(lang);
        String title = article.title() == null ? "" : article.title().strip();
        return switch (feature) {
            case SUMMARY -> new Request(lang, SYSTEM, "Summarize this news article in three to five sentences, in "
                    + language + ".\n\nTitle: " + title + "\n\nArticle:\n" + text,
                    answer -> checked(sentencesOf(answer, lang), sent, lang));
            case SIMPLE -> new Request(lang, SYSTEM, "Explain this news article simply, for a reader of about twelve, "
                    + "in four to six short sentences, in " + language + ". Keep names and numbers exactly as the "
                    + "article writes them.\n\nTitle: " + title + "\n\nArticle:\n" + text,
                    answer -> checked(sentencesOf(answer, lang), sent, lang));
            case HEADLINE -> {
                List<Sentence> withTitle = new ArrayList<>();
                withTitle.add(new Sentence(0, 0, title.length(), title));
                for (Sentence s : sent) withTitle.add(new Sentence(withTitle.size(), s.start(), s.end(), s.text()));
                yield new Request(lang, SYSTEM, "Rewrite the headline of this news article as one neutral, factual "
                        + "sentence that says what happened, in " + language + ": no question, no teasing, no "
                        + "exaggeration. Reply with the headline only.\n\nHeadline: " + title + "\n\nArticle:\n" + text,
                        answer -> checked(headlineOf(answer), withTitle, lang));
            }
            case TRANSLATE -> translation(digest, reader.getLanguage());
        };
    }

    private Request translation(ArticleDigest digest, String target) {
        List<Sentence> originals = new ArrayList<>(digest.summary());
        originals.addAll(digest.keyPoints());
        originals.sort(Comparator.comparingInt(Sentence::index));
        StringBuilder user = new StringBuilder("Translate each numbered sentence from ")
                .append(languageName(digest.lang())).append(" into ").append(languageName(target))
                .append(". Reply with the same numbered lines, one per line, in the same order, and nothing else.\n\n");
        for (int i = 0; i < originals.size(); i++) {
            user.append(i + 1).append(". ").append(originals.get(i).text().replaceAll("\\s+", " ")).append('\n');
        }
        return new Request(target, SYSTEM, user.toString(), answer -> translated(answer, originals),
                new BackTranslation(digest.lang(), target));
    }

    /** A translation's languages: the original's, to translate back into, and the reader's. */
    private record BackTranslation(String original, String translation) {}

    /**
     * The lines that passed the first checks, translated back into the original's language and
     * checked against their originals; a line whose back-translation is missing or unsupported is
     * unsupported.
     */
    private List<Generated.Line> backChecked(GeneratedTextStore.Key key, List<Generated.Line> lines, BackTranslation languages)
            throws ModelFailure {
        List<Generated.Line> candidates = lines.stream().filter(Generated.Line::supported).toList();
        if (candidates.isEmpty()) return lines;
        StringBuilder user = new StringBuilder("Translate each numbered sentence from ")
                .append(languageName(languages.translation())).append(" into ").append(languageName(languages.original()))
                .append(". Reply with the same numbered lines, one per line, in the same order, and nothing else.\n\n");
        for (int i = 0; i < candidates.size(); i++) {
            user.append(i + 1).append(". ").append(candidates.get(i).text().replaceAll("\\s+", " ")).append('\n');
        }
        Request back = new Request(languages.original(), SYSTEM, user.toString(), null);
        GeneratedTextStore.Key backKey = new GeneratedTextStore.Key(key.subject(), key.subjectId(), "translate.back",
                key.lang(), key.model());
        String hash = hash(back.system() + "\u0000" + back.user());
        Optional<String> cached = cached(backKey, hash);
        String[] returned = numberedLines(cached.isPresent() ? cached.get() : ask(back, backKey, hash), candidates.size());
        List<Generated.Line> checked = new ArrayList<>();
        int c = 0;
        for (Generated.Line line : lines) {
            if (!line.supported()) {
                checked.add(line);
                continue;
            }
            String returnedLine = returned[c++];
            String original = line.firstEvidence();
            List<String> sentences = returnedLine == null ? List.of() : sentencesOf(returnedLine, languages.original());
            boolean faithful = !sentences.isEmpty() && Summarizer.check(sentences,
                    List.of(new Sentence(0, 0, original.length(), original)), languages.original()).allSupported();
            checked.add(new Generated.Line(line.text(), faithful, line.evidence(), 0));
        }
        return checked;
    }

    /** The article's sentences that fit in the input allowance, from the start. */
    private List<Sentence> sentSentences(ArticleDigest digest) {
        List<Sentence> sent = new ArrayList<>();
        int length = 0;
        for (Sentence s : digest.sentences()) {
            length += s.text().length() + 1;
            if (length > settings.maxInputChars() && !sent.isEmpty()) break;
            sent.add(s);
        }
        return sent;
    }

    static List<Generated.Line> checked(List<String> generated, List<Sentence> sources, String lang) {
        Grounding grounding = Summarizer.check(generated, sources, lang);
        List<Generated.Line> lines = new ArrayList<>();
        for (Grounding.Verdict v : grounding.verdicts()) {
            lines.add(new Generated.Line(v.sentence(), v.supported(),
                    v.sources().stream().map(i -> sources.get(i).text()).toList(), 0));
        }
        return lines;
    }

    /** The answer's sentences, without list marks, markdown emphasis or an introduction ending in a colon. */
    static List<String> sentencesOf(String answer, String lang) {
        List<String> sentences = new ArrayList<>();
        for (String line : answer.split("\\R")) {
            String clean = BULLET.matcher(line.replace("**", "").replace("__", "")).replaceFirst("").strip();
            if (clean.isEmpty() || clean.endsWith(":") || clean.startsWith("#")) continue;
            for (Sentence s : Summarizer.sentences(clean, lang)) sentences.add(s.text().strip());
        }
        return sentences;
    }

    static List<String> headlineOf(String answer) {
        for (String line : answer.split("\\R")) {
            String clean = line.replace("**", "").replaceFirst("(?i)^\\s*(?:neutral\\s+)?headline\\s*:\\s*", "").strip()
                    .replaceAll("^[\"“”'«»]+|[\"“”'«»]+$", "").strip();
            if (!clean.isEmpty()) return List.of(clean);
        }
        return List.of();
    }

    /** The answer's lines by their number (1 to {@code count}), null where a number is missing. */
    static String[] numberedLines(String answer, int count) {
        String[] byNumber = new String[count];
        for (String line : answer.split("\\R")) {
            Matcher m = NUMBERED.matcher(line);
            if (!m.matches()) continue;
            int n = Integer.parseInt(m.group(1)) - 1;
            if (n >= 0 && n < byNumber.length && byNumber[n] == null) byNumber[n] = m.group(2).strip();
        }
        return byNumber;
    }

    static List<Generated.Line> translated(String answer, List<Sentence> originals) {
        String[] byNumber = numberedLines(answer, originals.size());
        List<Generated.Line> lines = new ArrayList<>();
        for (int i = 0; i < byNumber.length; i++) {
            if (byNumber[i] == null || byNumber[i].isEmpty()) continue;
            String original = originals.get(i).text();
            boolean faithful = byNumber[i].length() <= original.length() * MAX_TRANSLATION_GROWTH + TRANSLATION_SLACK
                    && numbers(original).containsAll(numbers(byNumber[i]));
            lines.add(new Generated.Line(byNumber[i], faithful, List.of(original), 0));
        }
        return lines;
    }

    /** The numbers of a text as plain ASCII digits, separators removed: "٤٠٬٠٠٠" and "40,000" are both 40000. */
    static List<String> numbers(String text) {
        List<String> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            StringBuilder digits = new StringBuilder();
            m.group().codePoints().filter(Character::isDigit).forEach(c -> digits.append(Character.digit(c, 10)));
            numbers.add(digits.toString());
        }
        return numbers;
    }

    private static String languageName(String lang) {
        String name = Locale.forLanguageTag(lang).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? lang : name;
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((PROMPT_VERSION + "\u0000" + text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
