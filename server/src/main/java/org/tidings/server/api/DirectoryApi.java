package org.tidings.server.api;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tidings.server.site.Sections;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceStore;

/** What the lists can be narrowed to: sections, topics, and the edition's publishers (those it fetches and shows). */
@RestController
@RequestMapping(path = ApiSecurity.PREFIX, produces = MediaType.APPLICATION_JSON_VALUE)
record DirectoryApi(EnrichmentStore enrichment, SourceStore sources, MessageSource messages) {

    /** The sections, named in the reader's language ({@code Accept-Language}). */
    @GetMapping("/sections")
    List<Views.Section> sections(Locale locale) {
        return Sections.SLUGS.stream()
                .map(slug -> new Views.Section(slug, messages.getMessage(Sections.messageKey(slug), null, locale))).toList();
    }

    /** A topic as its newest article names it; its articles are {@code /articles?topic=}. */
    @GetMapping("/topics/{slug}")
    Views.Topic topic(@PathVariable("slug") String slug) {
        return enrichment.topic(slug).map(Views.Topic::of).orElseThrow(() -> ApiProblem.notFound("topic", slug));
    }

    /** The publishers the site shows (disabled ones are not on the site, so not here either). */
    @GetMapping("/sources")
    List<Views.SourceItem> allSources() {
        return sources.findAll().stream().filter(Source::listed).map(Views.SourceItem::of).toList();
    }

    @GetMapping("/sources/{id}")
    Views.SourceItem source(@PathVariable("id") long id) {
        return sources.findById(id).filter(Source::listed).map(Views.SourceItem::of)
                .orElseThrow(() -> ApiProblem.notFound("source", id));
    }
}
