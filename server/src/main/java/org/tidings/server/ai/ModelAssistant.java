package org.tidings.server.ai;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.GeneratedTextStore;
import org.tidings.summary.ArticleDigest;
import org.tidings.summary.ModelAnswer;
import org.tidings.summary.TranslationCheck;

/**
 * The optional language model's features, each checked against the article: unsupported sentences
 * are dropped (or shown marked); on failure the offline result is shown, counted as
 * {@code tidings.ai.llm{outcome,feature}}. A translation shares no words with its original, so its
 * lines pass {@link TranslationCheck}s instead, the last on a back-translation by the same model.
 */
@Service
public class ModelAssistant {

    private static final Logger log = LoggerFactory.getLogger(ModelAssistant.class);

    /** Lines shown of an answer at most: a summary of a page, not a second article. */
    static final int MAX_LINES = 8;

    private final TidingsProperties.Llm settings;
    private final CachedModel model;
    private final Prompts prompts;
    private final MeterRegistry metrics;

    public ModelAssistant(TidingsProperties properties, GeneratedTextStore cache, MeterRegistry metrics) {
        this.settings = properties.llm();
        this.model = settings.enabled() ? new CachedModel(settings, cache) : null;
        this.prompts = new Prompts(settings.maxInputChars());
        this.metrics = metrics;
    }

    public boolean enabled() {
        return model != null;
    }

    /** None without a model. */
    public List<Feature> features(ArticleDigest digest, Locale reader) {
        if (!enabled()) return List.of();
        List<Feature> features = new ArrayList<>(List.of(Feature.SUMMARY, Feature.SIMPLE, Feature.HEADLINE));
        if (!digest.lang().equals(reader.getLanguage())) features.add(Feature.TRANSLATE);
        return features;
    }

    /** What the model wrote, grounded; empty when there is no model or it failed (then logged and counted). */
    public Optional<Generated> generate(ArticleView article, ArticleDigest digest, Feature feature, Locale reader) {
        if (!enabled() || feature == null || !features(digest, reader).contains(feature)) return Optional.empty();
        return generate("article", article.id(), prompts.forArticle(article, digest, feature, reader), feature);
    }

    record StoryReport(long articleId, String publisher, ArticleDigest digest) {}

    /** See {@link Prompts#forStory}; empty when there is no model or it failed. */
    Optional<Generated> summarizeStory(long storyId, List<StoryReport> reports) {
        if (!enabled() || reports.isEmpty()) return Optional.empty();
        return generate("story", storyId, prompts.forStory(reports), Feature.SUMMARY);
    }

    private Optional<Generated> generate(String subject, long subjectId, Prompts.Prompt prompt, Feature feature) {
        var key = new GeneratedTextStore.Key(subject, subjectId, feature.param(), prompt.lang(), model.name());
        try {
            CachedModel.Answer answer = model.answer(key, prompt);
            List<Generated.Line> lines = prompt.check().apply(answer.text());
            if (prompt.backInto() != null) lines = backChecked(key, prompt, lines);
            Generated generated = new Generated(feature, model.name(), prompt.lang(), shown(lines));
            if (generated.lines().stream().noneMatch(Generated.Line::supported)) {
                throw new ModelFailure(ModelFailure.Reason.UNSUPPORTED, "no sentence of the answer is supported");
            }
            count(answer.cached() ? "cached" : "ok", feature);
            return Optional.of(generated);
        } catch (ModelFailure | RuntimeException e) { // a reader still gets the offline box, never an error page
            onFailure(key, feature, e instanceof ModelFailure failure ? failure
                    : new ModelFailure(ModelFailure.Reason.ERROR, e.toString()));
            return Optional.empty();
        }
    }

    /** A passed line whose back-translation is missing or disagrees with its original becomes unsupported. */
    private List<Generated.Line> backChecked(GeneratedTextStore.Key key, Prompts.Prompt translation,
            List<Generated.Line> lines) throws ModelFailure {
        List<String> passed = lines.stream().filter(Generated.Line::supported).map(Generated.Line::text).toList();
        if (passed.isEmpty()) return lines;
        GeneratedTextStore.Key backKey = new GeneratedTextStore.Key(key.subject(), key.subjectId(), "translate.back",
                key.lang(), key.model());
        String[] back = ModelAnswer.numberedLines(model.answer(backKey, prompts.backTranslation(translation, passed)).text(),
                passed.size());
        List<Generated.Line> checked = new ArrayList<>();
        int c = 0;
        for (Generated.Line line : lines) {
            checked.add(!line.supported() ? line : new Generated.Line(line.text(), TranslationCheck.backTranslationAgrees(
                    line.firstEvidence(), back[c++], translation.backInto()), line.evidence(), 0));
        }
        return checked;
    }

    private List<Generated.Line> shown(List<Generated.Line> lines) {
        return lines.stream()
                .filter(l -> l.supported() || settings.unsupported() == TidingsProperties.Llm.Unsupported.MARK)
                .limit(MAX_LINES).toList();
    }

    private void onFailure(GeneratedTextStore.Key key, Feature feature, ModelFailure failure) {
        count(failure.reason.tag(), feature);
        var event = failure.reason == ModelFailure.Reason.RATE_LIMITED ? log.atDebug() : log.atInfo();
        event.addKeyValue("event", "llm_failed").addKeyValue(key.subject() + "_id", key.subjectId())
                .addKeyValue("feature", feature.param()).addKeyValue("model", model.name())
                .addKeyValue("reason", failure.reason.tag()).addKeyValue("detail", failure.getMessage())
                .log("language model gave nothing usable; the offline result is shown");
    }

    private void count(String outcome, Feature feature) {
        metrics.counter("tidings.ai.llm", "outcome", outcome, "feature", feature.param()).increment();
    }
}
