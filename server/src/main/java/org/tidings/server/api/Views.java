package org.tidings.server.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.tidings.article.ArticleText;
import org.tidings.server.ai.StoryAssistant;
import org.tidings.server.comment.CommentView;
import org.tidings.server.frontpage.TopStory;
import org.tidings.server.image.ProxiedImages;
import org.tidings.server.search.SearchResults;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.PersonalStore;
import org.tidings.server.store.Source;
import org.tidings.summary.Sentence;

/**
 * The API's answers as JSON, one record per kind of thing, made from what the site's pages read. Addresses are
 * absolute ({@code base}: the site's address), images go through the site's image relay, as on its pages, so an app
 * makes no request to a publisher's server either.
 */
final class Views {

    private Views() {}

    /** A list's page, and the cursor of the next one (null on the last page). */
    record Page<T>(List<T> items, String nextCursor) {}

    record Publisher(long id, String name, String siteUrl) {}

    /** An article as lists show it; {@code imageCaption} and {@code imageCredit} are what its publisher says under {@code image}. */
    record Article(long id, String title, String lead, String url, Publisher publisher, String byline, Instant publishedAt,
            Instant updatedAt, String language, Long storyId, String image, String imageCaption, String imageCredit, String page,
            String self) {

        static Article of(ArticleView a, String base) {
            String image = ProxiedImages.path(a.id(), a.imageUrl());
            return new Article(a.id(), a.title(), a.lead(), a.url(), new Publisher(a.sourceId(), a.sourceName(), a.sourceSiteUrl()),
                    a.displayByline(), a.publishedAt(), a.updatedAt(), a.lang(), a.storyId(), image == null ? null : base + image,
                    image == null ? null : a.imageCaption().text(), image == null ? null : a.imageCaption().credit(), base + "/article/" + a.id(), base + ApiSecurity.PREFIX + "/articles/" + a.id());
        }

        static List<Article> of(List<ArticleView> articles, String base) {
            return articles.stream().map(a -> of(a, base)).toList();
        }
    }

    record Topic(String slug, String label, String kind) {
        static Topic of(EnrichmentStore.TopicTag t) {
            return new Topic(t.slug(), t.label(), t.kind());
        }
    }

    /**
     * An article whole: its text in paragraphs, its body as sanitized HTML with its pictures through the relay, its
     * topics, its digest (sentences of its text), and its copies' ids (the same report from other addresses).
     */
    record FullArticle(Article article, List<String> paragraphs, String html, boolean excerpt, List<Topic> topics,
            List<String> summary, List<String> keyPoints, List<Long> copies) {

        static FullArticle of(ArticleView a, ArticleText body, List<EnrichmentStore.TopicTag> topics, EnrichmentStore.Digest digest,
                List<ArticleView> copies, String base) {
            List<String> paragraphs = Arrays.stream(body.text().split("\n\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
            String html = ProxiedImages.rewrite(a.id(), body.html());
            return new FullArticle(Article.of(a, base), paragraphs, html == null ? null : html.replace("src=\"/image/", "src=\"" + base + "/image/"),
                    body.excerpt(), topics.stream().map(Topic::of).toList(), digest.summary().stream().map(Sentence::text).toList(),
                    digest.keyPoints().stream().map(Sentence::text).toList(), copies.stream().map(ArticleView::id).toList());
        }
    }

    /** A ranked story: its lead article in the edition asked for, its breadth, its first and latest reports. */
    record TopStoryItem(long storyId, Article lead, int publishers, int reports, Instant first, Instant latest, double score,
            String self) {
        static TopStoryItem of(TopStory t, String base) {
            return new TopStoryItem(t.storyId(), Article.of(t.lead(), base), t.publishers(), t.reports(), t.first(), t.latest(),
                    t.score().total(), base + ApiSecurity.PREFIX + "/stories/" + t.storyId());
        }
    }

    record Cite(long articleId, String publisher, String sentence) {
        static Cite of(StoryAssistant.Cite c) {
            return new Cite(c.articleId(), c.publisher(), c.sentence());
        }
    }

    record Fact(String text, List<String> publishers, List<Cite> cites) {
        static List<Fact> of(List<StoryAssistant.Fact> facts) {
            return facts.stream().map(f -> new Fact(f.text(), f.publishers(), f.cites().stream().map(Cite::of).toList())).toList();
        }
    }

    record Moment(Instant published, Cite cite) {}

    /** The story's digest across publishers: what they agree on, what only some report, and what each added when. */
    record Digest(boolean available, List<Fact> agreed, List<Fact> reportedBySome, List<Moment> timeline) {
        static Digest of(StoryAssistant.Digest d) {
            return new Digest(d.available(), Fact.of(d.agreed()), Fact.of(d.reportedBySome()),
                    d.timeline().stream().map(m -> new Moment(m.published(), Cite.of(m.cite()))).toList());
        }
    }

    /** A story: its title (its most representative headline), its publishers, every report in order, its digest. */
    record Story(long id, String headline, List<String> publishers, List<Article> articles, Digest digest, String page) {}

    /** A search hit: the headline and a passage as plain text, with the words that matched listed. */
    record Hit(long id, String title, String passage, Publisher publisher, Instant publishedAt, Long storyId, String language,
            String section, String self) {
        static Hit of(SearchResults.Hit h, String base) {
            return new Hit(h.id(), h.title().plainText(), h.passage() == null ? null : h.passage().plainText(),
                    new Publisher(h.sourceId(), h.publisher(), null), h.publishedAt(), h.storyId(), h.lang(), h.section(),
                    base + ApiSecurity.PREFIX + "/articles/" + h.id());
        }
    }

    record SearchPage(List<Hit> items, long total, boolean exact, String nextCursor) {}

    record Section(String slug, String name) {}

    record SourceItem(long id, String name, String siteUrl, String feedUrl, String language, String region, String section) {
        static SourceItem of(Source s) {
            return new SourceItem(s.id(), s.name(), s.siteUrl(), s.feedUrl(), s.language(), s.region(), s.section());
        }
    }

    /** A follow or a mute. */
    record Choice(String kind, String target, String label, Instant at) {
        static Choice of(PersonalStore.Entry e) {
            return new Choice(e.kind().stored(), e.target(), e.label(), e.at());
        }
    }

    /** A saved article or a history entry, with when it was saved or read. */
    record Marked(Article article, Instant at) {}

    record Pick(long storyId, Article lead, int publishers, int reports, Instant latest, String reason) {}

    record Me(String username, String displayName, String role, String scope) {}

    /** One comment as the bearer may see it (a deleted or hidden one has no text); {@code author} null: a deleted account. */
    record Comment(long id, long articleId, String author, String html, String status, Instant createdAt, boolean edited,
            int likes, boolean liked, boolean mine, boolean editable, String replyingTo, List<Comment> replies) {
        static Comment of(CommentView c) {
            return new Comment(c.id(), c.articleId(), c.author(), c.html(), c.status().code(), c.createdAt(), c.edited(), c.likes(),
                    c.liked(), c.mine(), c.editable(), c.replyingTo(), c.replies().stream().map(Comment::of).toList());
        }
    }

    record Comments(long articleId, String sort, int visible, List<Comment> threads, boolean more) {}

    /** What a change to a comment did: the comment's id, its status now, and what the site would tell its author. */
    record CommentDone(long id, String status, String message) {}
}
