package org.tidings.server.personal;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.Interest;
import org.tidings.server.store.PersonalStore;
import org.tidings.server.store.PersonalStore.Choice;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceStore;

/** What a reader follows and mutes, changed the one way for the site's forms and the API alike. */
@Service
public record Choices(PersonalStore store, EnrichmentStore topics, SourceStore sources) {

    /** A choice as stored: the normalized target and the label the reader's lists show. */
    public record Labelled(String target, String label) {}

    /**
     * Follows or mutes what {@code raw} names (a topic's slug or hashtag, a source's id, a section, a keyword): what was
     * stored, or empty when this kind cannot be chosen so or the target names nothing (an unknown source).
     */
    public Optional<Labelled> add(long reader, Choice choice, Interest kind, String raw) {
        if (!(choice == Choice.FOLLOW ? kind.followable() : kind.mutable())) return Optional.empty();
        Optional<Labelled> what = labelled(kind, raw);
        what.ifPresent(w -> store.add(reader, choice, kind, w.target(), w.label()));
        return what;
    }

    /** Takes a follow or mute back; nothing happens when the reader had none such. */
    public void remove(long reader, Choice choice, Interest kind, String raw) {
        kind.normalize(raw).ifPresent(target -> store.remove(reader, choice, kind, target));
    }

    private Optional<Labelled> labelled(Interest kind, String raw) {
        return kind.normalize(raw).flatMap(target -> (switch (kind) {
            case SOURCE -> sources.findById(Long.parseLong(target)).map(Source::name);
            case TOPIC -> Optional.of(topics.topic(target).map(EnrichmentStore.TopicTag::label).orElse("#" + target));
            case SECTION, KEYWORD -> Optional.of(raw.strip().replaceAll("\\s+", " "));
        }).map(label -> new Labelled(target, label)));
    }
}
