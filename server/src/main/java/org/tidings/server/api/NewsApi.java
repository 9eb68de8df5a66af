package org.tidings.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tidings.article.ArticleText;
import org.tidings.server.account.CurrentReader;
import org.tidings.server.ai.StoryAssistant;
import org.tidings.server.edition.Edition;
import org.tidings.server.edition.Editions;
import org.tidings.server.frontpage.TopStory;
import org.tidings.server.frontpage.TopStoryRanking;
import org.tidings.server.personal.ReaderFilters;
import org.tidings.server.site.Sections;
import org.tidings.server.site.SiteAddress;
import org.tidings.server.store.Archive;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.Listing;
import org.tidings.server.store.ListingStore;
import org.tidings.server.store.PersonalStore;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceStore;
import org.tidings.server.store.SubscriptionStore;
import org.tidings.story.Story;

/**
 * The news as the site's pages show it: top stories, lists of articles, an article, a story. Each list is in the edition
 * asked for ({@code ?edition=}: no cookie is read), less what the bearer muted, as on the site.
 */
@RestController
@RequestMapping(path = ApiSecurity.PREFIX, produces = MediaType.APPLICATION_JSON_VALUE)
record NewsApi(TopStoryRanking ranking, ListingStore listings, Archive archive, EnrichmentStore enrichment,
        StoryAssistant stories, SourceStore sources, ReaderFilters filters, PersonalStore personal, CurrentReader current,
        SiteAddress site, Clock clock, SubscriptionStore reading) {

    /** The longest ranking kept: top stories are a handful, not a list to page through. */
    static final int MAX_TOP_STORIES = 24;

    @GetMapping("/top-stories")
    List<Views.TopStoryItem> topStories(@RequestParam(name = "edition", required = false) String edition,
            @RequestParam(name = "section", required = false) String section,
            @RequestParam(name = "topic", required = false) String topic,
            @RequestParam(name = "limit", required = false) Integer limit, HttpServletRequest request) {
        int size = Paging.size(limit, 10, MAX_TOP_STORIES);
        Listing listing = edition(edition).filter(section == null ? Listing.ALL : Listing.section(section(section)));
        // the longest ranking, so that neither muting nor a topic leaves the page short
        List<TopStory> ranked = filters.visible(ranking.top(MAX_TOP_STORIES, listing), TopStory::lead);
        if (topic != null) {
            Set<Long> storiesOfTopic = storiesWithTopic(topic);
            ranked = ranked.stream().filter(t -> storiesOfTopic.contains(t.storyId())).toList();
        }
        String base = site.base(request);
        return ranked.stream().limit(size).map(t -> Views.TopStoryItem.of(t, base)).toList();
    }

    /** The stories with an article of this topic among those a top story can have (its horizon). */
    private Set<Long> storiesWithTopic(String slug) {
        enrichment.topic(slug).orElseThrow(() -> ApiProblem.notFound("topic", slug));
        Set<Long> articles = enrichment.withTopics(Set.of(slug), clock.instant().minus(TopStoryRanking.HORIZON)).keySet();
        return archive.findByIds(List.copyOf(articles)).stream().map(ArticleView::storyId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    /** The newest articles of the edition, or of one section, topic or publisher in it; no copies. */
    @GetMapping("/articles")
    Views.Page<Views.Article> articles(@RequestParam(name = "edition", required = false) String edition,
            @RequestParam(name = "section", required = false) String section,
            @RequestParam(name = "topic", required = false) String topic,
            @RequestParam(name = "source", required = false) Long source,
            @RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "cursor", required = false) String cursor, HttpServletRequest request) {
        int size = Paging.size(limit);
        Edition chosen = edition(edition);
        if (topic != null) enrichment.topic(topic).orElseThrow(() -> ApiProblem.notFound("topic", topic));
        if (source != null) sources.findById(source).filter(Source::listed).orElseThrow(() -> ApiProblem.notFound("source", source));
        Listing listing = chosen.filter(new Listing(section == null ? null : section(section), topic, source, null, null));
        String list = String.join("|", "articles", chosen.id(), String.valueOf(section), String.valueOf(topic), String.valueOf(source));
        ListingStore.Position after = null;
        if (cursor != null) {
            List<String> at = Cursor.read(cursor, list, 2);
            try {
                after = new ListingStore.Position(Instant.parse(at.get(0)), Cursor.number(at.get(1)));
            } catch (java.time.format.DateTimeParseException e) {
                throw Cursor.bad();
            }
        }
        List<ArticleView> found = listings.latestAfter(listing, after, size + 1);
        List<ArticleView> page = found.subList(0, Math.min(size, found.size()));
        String next = found.size() > size ? Cursor.of(list, page.getLast().publishedAt().toString(), Long.toString(page.getLast().id())) : null;
        return new Views.Page<>(Views.Article.of(filters.visible(page), site.base(request)), next);
    }

    /** An article whole; opening it with a token notes it in its reader's history (when on), as opening its page does. */
    @GetMapping("/articles/{id}")
    Views.FullArticle article(@PathVariable("id") long id, HttpServletRequest request) {
        ArticleView article = archive.findById(id).filter(a -> !reading.hiddenFrom(a.id(), current.id().isPresent() ? current.id().getAsLong() : null))
                .orElseThrow(() -> ApiProblem.notFound("article", id));
        ArticleText body = archive.body(id).orElse(ArticleText.NONE);
        current.id().ifPresent(reader -> personal.recordRead(reader, id));
        return Views.FullArticle.of(article, body, enrichment.topicsOf(id), enrichment.digest(id, body.text()),
                archive.copiesOf(id), site.base(request));
    }

    /** A story; one merged into another leads there for good (301), as its page does. */
    @GetMapping("/stories/{id}")
    ResponseEntity<Views.Story> story(@PathVariable("id") long id, HttpServletRequest request) {
        List<ArticleView> timeline = archive.timeline(id);
        if (timeline.isEmpty()) {
            Long mergedInto = archive.findById(id).map(ArticleView::storyId).filter(story -> story != id)
                    .orElseThrow(() -> ApiProblem.notFound("story", id));
            return ResponseEntity.status(301).location(URI.create(ApiSecurity.PREFIX + "/stories/" + mergedInto)).build();
        }
        String base = site.base(request);
        String headline = timeline.get(Math.max(0, Story.representative(timeline.stream().map(ArticleView::title).toList()))).title();
        return ResponseEntity.ok(new Views.Story(id, headline, timeline.stream().map(ArticleView::sourceName).distinct().toList(),
                Views.Article.of(timeline, base), Views.Digest.of(stories.forStory(id, timeline, null).digest()),
                base + "/story/" + id));
    }

    /** The edition an address names; none: everything. One that does not exist is a problem, not the whole site. */
    static Edition edition(String id) {
        if (id == null) return Edition.WORLD;
        return Editions.byId(id).orElseThrow(() -> ApiProblem.badRequest("api.problem.detail.edition", id));
    }

    static String section(String slug) {
        if (!Sections.exists(slug)) throw ApiProblem.badRequest("api.problem.detail.section", slug);
        return slug;
    }
}
