package org.tidings.server.greader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.tidings.server.search.SearchIndexer;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * A reader's private feed in the site's search, through real HTTP on H2 and PostgreSQL: its subscriber finds its
 * articles on the search page and through {@code /api/v1/search}; another reader and a reader not signed in find none
 * of them there, in the search's Atom feed, or by asking for its publisher; once an administrator publishes it, everyone
 * does, with no new indexing.
 */
@OnEachDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateFeedSearchTest {

    @Parameter
    TestDatabase db;
    ReaderServer reader;

    @BeforeParameterizedClassInvocation
    void start() {
        reader = new ReaderServer(db);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        reader.close();
    }

    @Test
    void aPrivateFeedIsFoundByItsSubscribersOnlyUntilItIsPublished() throws IOException {
        Browser amina = reader.reader("amina@example.org");
        Browser omar = reader.reader("omar@example.org");
        Browser stranger = reader.server.browser();
        assertThat(amina.post("/feeds", Map.of("url", reader.feed("/harbour.xml")), "/feeds").statusCode()).isEqualTo(302);
        assertThat(omar.post("/feeds", Map.of("url", reader.feed("/market.xml")), "/feeds").statusCode()).isEqualTo(302);
        reader.refreshAll();
        reader.server.bean(SearchIndexer.class).catchUp();
        long harbour = reader.jdbc().sql("SELECT id FROM source WHERE feed_url = :u").param("u", reader.feed("/harbour.xml"))
                .query(Long.class).single();
        String aminaToken = token(amina);
        String omarToken = token(omar);
        String storm = link("Storm reaches the harbour"), ferries = link("Ferries stay in port"), wall = link("The harbour wall holds");
        String fish = link("Fish prices rise after the storm");

        // the subscriber: the search page, its feed, a search by the publisher, the API
        assertThat(amina.get("/search?q=harbour").body()).contains("3 results", storm, ferries, wall)
                .contains("Storm reaches the <mark>harbour</mark>");
        assertThat(amina.get("/search?q=storm").body()).contains(storm).as("another reader's private feed").doesNotContain(fish);
        assertThat(amina.get("/search/feed?q=storm").body()).contains("Storm reaches the harbour").doesNotContain("Fish prices");
        assertThat(amina.get("/search?q=ferries&source=" + harbour).body()).contains(ferries);
        assertThat(apiTitles(aminaToken, "harbour")).containsExactlyInAnyOrder("Storm reaches the harbour", "Ferries stay in port",
                "The harbour wall holds");
        assertThat(apiTitles(aminaToken, "storm")).containsExactly("Storm reaches the harbour");
        assertThat(omar.get("/search?q=storm").body()).contains(fish).doesNotContain(storm);
        assertThat(apiTitles(omarToken, "storm")).containsExactly("Fish prices rise after the storm");

        // another reader, and a reader not signed in
        for (Browser other : List.of(omar, stranger)) {
            assertThat(other.get("/search?q=harbour").body()).contains("No results").doesNotContain(storm, ferries, wall);
            assertThat(other.get("/search?q=ferries&source=" + harbour).body()).contains("No results").doesNotContain(ferries);
            assertThat(other.get("/search/feed?q=harbour").body()).contains("<feed").doesNotContain("Storm reaches", "harbour wall");
        }
        assertThat(apiTitles(omarToken, "harbour")).isEmpty();
        assertThat(apiTitles(null, "harbour OR storm")).isEmpty();
        assertThat(apiTotal(null, "harbour OR storm")).as("nor counted").isZero();

        // published: everyone finds it at once (the index already holds it; the search reads who may see it)
        Browser admin = reader.server.browser();
        admin.signInAsAdmin();
        assertThat(admin.post("/admin/sources/" + harbour + "/publish", Map.of(), "/admin/sources/" + harbour).statusCode()).isEqualTo(302);
        assertThat(stranger.get("/search?q=harbour").body()).contains("3 results", storm, ferries, wall);
        assertThat(apiTitles(omarToken, "harbour")).hasSize(3).contains("Storm reaches the harbour");
        assertThat(apiTitles(null, "storm")).as("the market feed stays omar's").containsExactly("Storm reaches the harbour");
        reader.server.bean(SearchIndexer.class).catchUp();
        assertThat(apiTitles(null, "harbour")).as("and after the index takes in the touched articles").hasSize(3)
                .contains("The harbour wall holds");
    }

    /** The link a result gives to the article of this headline (a link, as its headline is marked where it matches). */
    private String link(String title) {
        long id = reader.jdbc().sql("SELECT id FROM article WHERE title = :t").param("t", title).query(Long.class).single();
        return "href=\"/article/" + id + "\"";
    }

    /** A read-only personal access token, made on the reader's account page. */
    private static String token(Browser reader) {
        HttpResponse<String> made = reader.post("/account/tokens", Map.of("name", "Script", "scope", "read"), "/account");
        return made.body().replaceAll("(?s).*class=\"token-secret\" dir=\"ltr\">(tid_[A-Za-z0-9_-]+)<.*", "$1");
    }

    private JsonNode apiSearch(String token, String query) {
        Browser api = reader.server.browser();
        if (token != null) api = api.withHeader("Authorization", "Bearer " + token);
        HttpResponse<String> answer = api.get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return ReaderServer.JSON.readTree(answer.body());
    }

    private List<String> apiTitles(String token, String query) {
        return apiSearch(token, query).path("items").valueStream().map(h -> h.path("title").asString()).toList();
    }

    private long apiTotal(String token, String query) {
        return apiSearch(token, query).path("total").asLong(-1);
    }
}
