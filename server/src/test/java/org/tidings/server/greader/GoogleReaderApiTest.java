package org.tidings.server.greader;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Readers' own feeds and the Google Reader API, through real HTTP on H2 and PostgreSQL, with the requests that clients'
 * public documentation shows (Reeder, NetNewsWire, FeedMe, Read You: {@code ClientLogin} with a form body,
 * {@code output=json}, {@code xt=user/-/state/com.google/read}, {@code stream/items/ids} then
 * {@code stream/items/contents}, item ids in every form): one source however many readers follow a feed, private until
 * published; read state and "mark all as read"; the protocol's own error answers, which change nothing.
 */
@OnEachDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoogleReaderApiTest {

    private static final String API = "/api/greader/reader/api/0";

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

    private long count(String sql, Object... params) {
        var spec = reader.jdbc().sql(sql);
        for (int i = 0; i < params.length; i += 2) spec = spec.param((String) params[i], params[i + 1]);
        return spec.query(Long.class).single();
    }

    /** A reader with an app password, subscribed (through the site's form) to the harbour feed, its articles fetched. */
    private String subscribedReader(String email) {
        Browser browser = reader.reader(email);
        HttpResponse<String> added = browser.post("/feeds", Map.of("url", reader.feed("/harbour.xml")), "/feeds");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        reader.refreshAll();
        return reader.signIn(email, ReaderServer.appPassword(browser, "Reeder"));
    }

    private String feedStream() {
        return "feed/" + reader.feed("/harbour.xml");
    }

    @Test
    void aFeedIsFetchedOnceForEveryReaderAndStaysTheirsUntilAnAdministratorPublishesIt() {
        Browser amina = reader.reader("amina@example.org");
        Browser omar = reader.reader("omar@example.org");
        String harbour = reader.feed("/harbour.xml");
        // a page that links to the feed is followed to it
        assertThat(amina.post("/feeds", Map.of("url", reader.feed("/harbour.html")), "/feeds").statusCode()).isEqualTo(302);
        String omarAuth = reader.signIn("omar@example.org", ReaderServer.appPassword(omar, "NetNewsWire"));
        int fetches = reader.publisher.hits("/harbour.xml");
        ReaderServer.Answer quick = reader.post(API + "/subscription/quickadd", omarAuth, List.of("quickadd", harbour));
        assertThat(quick.status()).isEqualTo(200);
        assertThat(quick.json().path("streamId").asString()).isEqualTo("feed/" + harbour);

        assertThat(count("SELECT COUNT(*) FROM source WHERE feed_url = :u", "u", harbour)).as("one source").isEqualTo(1);
        assertThat(count("""
                SELECT COUNT(*) FROM subscription s JOIN source f ON f.id = s.source_id JOIN account a ON a.id = s.account_id
                WHERE f.feed_url = :u AND a.username IN ('amina@example.org', 'omar@example.org')""", "u", harbour)).isEqualTo(2);
        assertThat(reader.publisher.hits("/harbour.xml")).as("a known feed is not read again for a second reader").isEqualTo(fetches);
        reader.refreshAll();
        assertThat(reader.publisher.hits("/harbour.xml")).as("one refresh, one fetch, for both readers").isEqualTo(fetches + 1);

        String feeds = amina.get("/feeds").body();
        assertThat(feeds).contains("Harbour Gazette", "3 unread", "private to its subscribers");
        long source = count("SELECT id FROM source WHERE feed_url = :u", "u", harbour);
        assertThat(amina.get("/feeds/" + source).body()).contains("Storm reaches the harbour", "The harbour wall holds");

        // not on the edition's pages until an administrator publishes it
        Browser stranger = reader.server.browser();
        assertThat(stranger.get("/sources").body()).doesNotContain("Harbour Gazette");
        assertThat(stranger.get("/source/" + source).statusCode()).isEqualTo(404);
        assertThat(reader.server.get("/api/v1/sources").body()).doesNotContain("Harbour Gazette");
        long article = count("SELECT MIN(id) FROM article WHERE source_id = :s", "s", source);
        assertThat(stranger.get("/article/" + article).statusCode()).as("another's private feed").isEqualTo(404);
        assertThat(reader.server.get("/api/v1/articles/" + article).statusCode()).isEqualTo(404);
        assertThat(amina.get("/article/" + article).statusCode()).as("a subscriber's").isEqualTo(200);
        Browser admin = reader.server.browser();
        admin.signInAsAdmin();
        assertThat(admin.get("/admin/sources/" + source).body()).contains("Publish to the edition");
        assertThat(admin.post("/admin/sources/" + source + "/publish", Map.of(), "/admin/sources/" + source).statusCode()).isEqualTo(302);
        assertThat(stranger.get("/sources").body()).contains("Harbour Gazette");
        reader.jdbc().sql("UPDATE source SET published = FALSE WHERE id = :id").param("id", source).update();
    }

    @Test
    void anAddressInsideTheNetworkOrNotAFeedIsRefusedAndNothingIsStored() {
        Browser nadia = reader.reader("nadia@example.org");
        long sources = count("SELECT COUNT(*) FROM source");
        HttpResponse<String> inside = nadia.post("/feeds", Map.of("url", "http://127.0.0.2:9/feed.xml"), "/feeds");
        assertThat(inside.statusCode()).isEqualTo(400);
        assertThat(inside.body()).contains("points inside the server");
        HttpResponse<String> page = nadia.post("/feeds", Map.of("url", reader.feed("/page.html")), "/feeds");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("No feed found at");
        String auth = reader.signIn("nadia@example.org", ReaderServer.appPassword(nadia, "Read You"));
        ReaderServer.Answer quick = reader.post(API + "/subscription/quickadd", auth, List.of("quickadd", "http://10.0.0.1/feed"));
        assertThat(quick.status()).isEqualTo(400);
        assertThat(quick.response().headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        ReaderServer.Answer edit = reader.post(API + "/subscription/edit", auth,
                List.of("ac", "subscribe", "s", "feed/" + reader.feed("/page.html")));
        assertThat(edit.status()).isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM source")).isEqualTo(sources);
        assertThat(count("SELECT COUNT(*) FROM subscription WHERE account_id = :a", "a", reader.accountId("nadia@example.org"))).isZero();
    }

    @Test
    void clientLoginTakesAnAppPasswordAndNothingElse() {
        Browser leila = reader.reader("leila@example.org");
        String app = ReaderServer.appPassword(leila, "FeedMe");
        // as FeedMe and Reeder send it: a form body; the answer is three lines
        ReaderServer.Answer login = reader.post("/api/greader/accounts/ClientLogin", null,
                List.of("Email", "leila@example.org", "Passwd", app, "service", "reader", "accountType", "HOSTED_OR_GOOGLE"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).matches("(?s)SID=\\S+\nLSID=\\S+\nAuth=\\S+\n");
        String auth = login.body().lines().filter(l -> l.startsWith("Auth=")).findFirst().orElseThrow().substring(5);
        assertThat(reader.get(API + "/user-info?output=json", auth).json().path("userName").asString()).isEqualTo("leila@example.org");
        assertThat(reader.get(API + "/token", auth).body().strip()).hasSize(57);

        ReaderServer.Answer wrong = reader.post("/api/greader/accounts/ClientLogin", null, List.of("Email", "leila@example.org", "Passwd", PASSWORD_GUESS));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("Error=BadAuthentication\n");
        // the account's own password, and an access token for /api/v1, are no app passwords
        assertThat(reader.post("/api/greader/accounts/ClientLogin", null, List.of("Email", "leila@example.org", "Passwd", ReaderServer.PASSWORD))
                .status()).isEqualTo(401);
        HttpResponse<String> token = leila.post("/account/tokens", Map.of("name", "Script", "scope", "read-write"), "/account");
        String bearer = token.body().replaceAll("(?s).*class=\"token-secret\" dir=\"ltr\">(tid_[A-Za-z0-9_-]+)<.*", "$1");
        assertThat(reader.post("/api/greader/accounts/ClientLogin", null, List.of("Email", "leila@example.org", "Passwd", bearer)).status())
                .isEqualTo(401);
        // another reader's name with this password
        assertThat(reader.post("/api/greader/accounts/ClientLogin", null, List.of("Email", "amina@example.org", "Passwd", app)).status())
                .isEqualTo(401);
        assertThat(reader.get(API + "/subscription/list?output=json", null).status()).isEqualTo(401);
        assertThat(reader.get(API + "/subscription/list?output=json", "tid_nothing").body()).isEqualTo("Error=BadAuthentication\n");
        // an app password is no bearer token for /api/v1
        assertThat(reader.server.browser().withHeader("Authorization", "Bearer " + app).get("/api/v1/me").statusCode()).isEqualTo(401);

        long id = count("SELECT id FROM access_token WHERE name = 'FeedMe'");
        leila.post("/account/tokens/" + id + "/revoke", Map.of(), "/account");
        assertThat(reader.get(API + "/user-info", auth).status()).as("revoked").isEqualTo(401);
    }

    private static final String PASSWORD_GUESS = "tid_guessedguessedguessedguessedguessedguess";

    @Test
    void streamsPageWithContinuationsAndTakeItemIdsInEveryForm() {
        String auth = subscribedReader("rami@example.org");
        JsonNode list = reader.get(API + "/subscription/list?output=json", auth).json();
        assertThat(list.path("subscriptions").get(0).path("id").asString()).isEqualTo(feedStream());
        assertThat(list.path("subscriptions").get(0).path("title").asString()).isEqualTo("Harbour Gazette");

        JsonNode counts = reader.get(API + "/unread-count?output=json", auth).json();
        assertThat(counts.path("unreadcounts").valueStream().filter(c -> c.path("id").asString().equals(feedStream()))
                .findFirst().orElseThrow().path("count").asLong()).isEqualTo(3);

        // the stream id URL-encoded in the path, as most clients send it
        String path = API + "/stream/contents/" + ReaderServer.encode(feedStream());
        JsonNode first = reader.get(path + "?output=json&n=2", auth).json();
        assertThat(titles(first)).containsExactly("The harbour wall holds", "Ferries stay in port");
        String continuation = first.path("continuation").asString();
        assertThat(continuation).isNotEmpty();
        JsonNode rest = reader.get(path + "?output=json&n=2&c=" + continuation, auth).json();
        assertThat(titles(rest)).containsExactly("Storm reaches the harbour");
        assertThat(rest.has("continuation")).isFalse();
        assertThat(titles(reader.get(path + "?output=json&r=o", auth).json()))
                .containsExactly("Storm reaches the harbour", "Ferries stay in port", "The harbour wall holds");
        // unencoded, and as the query parameter; the reading list; a time window
        assertThat(titles(reader.get(API + "/stream/contents/" + feedStream() + "?n=1", auth).json())).containsExactly("The harbour wall holds");
        assertThat(titles(reader.get(API + "/stream/contents?s=" + ReaderServer.encode(feedStream()) + "&n=1", auth).json()))
                .containsExactly("The harbour wall holds");
        assertThat(titles(reader.get(API + "/stream/contents/user%2F-%2Fstate%2Fcom.google%2Freading-list?n=5", auth).json())).hasSize(3);
        long ot = Instant.now().minusSeconds(2 * 3600 + 600).getEpochSecond();
        assertThat(titles(reader.get(path + "?ot=" + ot, auth).json())).containsExactly("The harbour wall holds", "Ferries stay in port");

        JsonNode item = first.path("items").get(0);
        assertThat(item.path("id").asString()).matches("tag:google\\.com,2005:reader/item/[0-9a-f]{16}");
        assertThat(item.path("origin").path("streamId").asString()).isEqualTo(feedStream());
        assertThat(item.path("summary").path("content").asString()).contains("The harbour wall holds, the paper reports.");
        assertThat(item.path("alternate").get(0).path("href").asString()).isEqualTo(reader.feed("/harbour-3"));

        // stream/items/ids, then stream/items/contents with the ids in decimal, long form and short hex
        JsonNode ids = reader.get(API + "/stream/items/ids?s=user/-/state/com.google/reading-list&xt=user/-/state/com.google/read&n=1000&output=json", auth).json();
        List<String> decimal = ids.path("itemRefs").valueStream().map(r -> r.path("id").asString()).toList();
        assertThat(decimal).hasSize(3);
        long newest = Long.parseLong(decimal.getFirst());
        String longForm = String.format("tag:google.com,2005:reader/item/%016x", Long.parseLong(decimal.get(1)));
        String shortHex = Long.toHexString(Long.parseLong(decimal.get(2)));
        JsonNode contents = reader.post(API + "/stream/items/contents?output=json", auth,
                List.of("i", String.valueOf(newest), "i", longForm, "i", shortHex)).json();
        assertThat(titles(contents)).containsExactly("The harbour wall holds", "Ferries stay in port", "Storm reaches the harbour");

        // bad input: the protocol's 400, in plain text
        for (String bad : List.of(path + "?c=nonsense", path + "?n=abc", API + "/stream/contents/feed%2Fhttp%3A%2F%2Fnowhere.test%2Ffeed",
                API + "/stream/contents/user%2F-%2Fsomething%2Felse")) {
            ReaderServer.Answer answer = reader.get(bad, auth);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.response().headers().firstValue("Content-Type").orElse("")).as(bad).startsWith("text/plain");
        }
        assertThat(reader.post(API + "/stream/items/contents", auth, List.of("i", "not-an-id")).status()).isEqualTo(400);
    }

    @Test
    void readAndStarredStatesAndMarkAllAsReadUpToATime() {
        String auth = subscribedReader("sara@example.org");
        long sara = reader.accountId("sara@example.org");
        String path = API + "/stream/contents/" + ReaderServer.encode(feedStream());
        List<String> ids = reader.get(path, auth).json().path("items").valueStream().map(i -> i.path("id").asString()).toList();
        assertThat(reader.post(API + "/edit-tag", auth, List.of("i", ids.get(0), "a", "user/-/state/com.google/read", "T", "x")).body()).isEqualTo("OK");
        assertThat(titles(reader.get(path + "?xt=user/-/state/com.google/read", auth).json()))
                .containsExactly("Ferries stay in port", "Storm reaches the harbour");
        assertThat(titles(reader.get(API + "/stream/contents/user%2F-%2Fstate%2Fcom.google%2Fread", auth).json()))
                .containsExactly("The harbour wall holds");
        assertThat(categories(reader.get(path + "?n=1", auth).json())).contains("user/" + sara + "/state/com.google/read");
        reader.post(API + "/edit-tag", auth, List.of("i", ids.get(0), "r", "user/-/state/com.google/read"));
        assertThat(titles(reader.get(path + "?xt=user/-/state/com.google/read", auth).json())).hasSize(3);

        // starred is the site's "saved for later"
        reader.post(API + "/edit-tag", auth, List.of("i", ids.get(1), "a", "user/-/state/com.google/starred"));
        assertThat(titles(reader.get(API + "/stream/contents/user%2F-%2Fstate%2Fcom.google%2Fstarred", auth).json()))
                .containsExactly("Ferries stay in port");
        assertThat(count("SELECT COUNT(*) FROM saved_article WHERE account_id = :a", "a", sara)).isEqualTo(1);

        // mark all as read up to a time: only what had arrived by then
        Instant firstSeen = reader.jdbc().sql("SELECT MIN(first_seen_at) FROM article a JOIN source s ON s.id = a.source_id WHERE s.feed_url = :u")
                .param("u", reader.feed("/harbour.xml")).query((rs, row) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).single();
        long before = (firstSeen.getEpochSecond() - 60) * 1_000_000;
        reader.post(API + "/mark-all-as-read", auth, List.of("s", feedStream(), "ts", String.valueOf(before)));
        assertThat(unread(auth)).isEqualTo(3);
        reader.post(API + "/mark-all-as-read", auth, List.of("s", feedStream(), "ts", String.valueOf(GoogleReaderApi.micros(Instant.now()))));
        assertThat(unread(auth)).isZero();

        // an item of a feed the reader cannot see, an unknown stream: refused, nothing changes
        reader.jdbc().sql("DELETE FROM article_read WHERE account_id = :a").param("a", sara).update();
        String other = subscribedPrivateItemOfAnotherReader();
        ReaderServer.Answer refused = reader.post(API + "/edit-tag", auth, List.of("i", ids.get(0), "i", other, "a", "user/-/state/com.google/read"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(reader.post(API + "/mark-all-as-read", auth, List.of("s", "feed/http://nowhere.test/")).status()).isEqualTo(400);
        assertThat(unread(auth)).isEqualTo(3);
    }

    /** The long id of an article of the market feed, which only its one subscriber follows. */
    private String subscribedPrivateItemOfAnotherReader() {
        Browser hana = reader.reader("hana@example.org");
        hana.post("/feeds", Map.of("url", reader.feed("/market.xml")), "/feeds");
        reader.refreshAll();
        long id = count("SELECT MIN(a.id) FROM article a JOIN source s ON s.id = a.source_id WHERE s.feed_url = :u", "u", reader.feed("/market.xml"));
        return String.format("tag:google.com,2005:reader/item/%016x", id);
    }

    @Test
    void labelsRenamesAndReadingOnTheSite() {
        Browser yusuf = reader.reader("yusuf@example.org");
        String auth = reader.signIn("yusuf@example.org", ReaderServer.appPassword(yusuf, "Fluent Reader"));
        assertThat(reader.post(API + "/subscription/edit", auth, List.of("ac", "subscribe", "s", feedStream(),
                "a", "user/-/label/Coast", "t", "My harbour")).body()).isEqualTo("OK");
        reader.refreshAll();
        JsonNode sub = reader.get(API + "/subscription/list", auth).json().path("subscriptions").get(0);
        assertThat(sub.path("title").asString()).isEqualTo("My harbour");
        assertThat(sub.path("categories").get(0).path("label").asString()).isEqualTo("Coast");
        assertThat(reader.get(API + "/tag/list", auth).json().path("tags").valueStream().map(t -> t.path("id").asString()).toList())
                .contains("user/" + reader.accountId("yusuf@example.org") + "/label/Coast");
        assertThat(titles(reader.get(API + "/stream/contents/user%2F-%2Flabel%2FCoast", auth).json())).hasSize(3);
        reader.post(API + "/subscription/edit", auth, List.of("ac", "edit", "s", feedStream(), "t", "Harbour news"));
        assertThat(reader.get(API + "/subscription/list", auth).json().path("subscriptions").get(0).path("title").asString())
                .isEqualTo("Harbour news");

        // reading an article on the site marks it read
        long article = count("SELECT MAX(a.id) FROM article a JOIN source s ON s.id = a.source_id WHERE s.feed_url = :u", "u", reader.feed("/harbour.xml"));
        assertThat(yusuf.get("/article/" + article).statusCode()).isEqualTo(200);
        assertThat(unread(auth)).isEqualTo(2);
        // mark all as read for a label, then unsubscribe
        reader.post(API + "/mark-all-as-read", auth, List.of("s", "user/-/label/Coast"));
        assertThat(unread(auth)).isZero();
        reader.post(API + "/subscription/edit", auth, List.of("ac", "unsubscribe", "s", feedStream()));
        assertThat(reader.get(API + "/subscription/list", auth).json().path("subscriptions").size()).isZero();
    }

    @Test
    void anOpmlFileFromAnotherReaderSubscribesToItsFeedsAndTheAccountTakesThemAlong() {
        Browser lina = reader.reader("lina@example.org");
        String opml = """
                <?xml version="1.0"?><opml version="2.0"><head><title>My reader</title></head><body>
                <outline text="Coast"><outline type="rss" text="Harbour" xmlUrl="%s"/></outline>
                <outline type="rss" text="Market" xmlUrl="%s"/>
                <outline type="rss" text="Not a feed" xmlUrl="%s"/>
                <outline type="rss" text="Inside" xmlUrl="http://127.0.0.2/feed.xml"/>
                </body></opml>""".formatted(reader.feed("/harbour.xml"), reader.feed("/market.xml"), reader.feed("/page.html"));
        HttpResponse<String> imported = lina.postFile("/feeds/import", "opml", "reader.opml", opml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "/feeds");
        assertThat(imported.statusCode()).isEqualTo(302);
        assertThat(lina.get("/feeds").body()).contains("2 new feeds; 0 followed already; 2 refused.", "Harbour", "Market");
        long lina_ = reader.accountId("lina@example.org");
        assertThat(reader.jdbc().sql("SELECT label FROM subscription s JOIN source f ON f.id = s.source_id WHERE s.account_id = :a AND f.feed_url = :u")
                .param("a", lina_).param("u", reader.feed("/harbour.xml")).query(String.class).single()).isEqualTo("Coast");

        reader.refreshAll();
        lina.post("/feeds/read", Map.of(), "/feeds");
        assertThat(count("SELECT COUNT(*) FROM article_read WHERE account_id = :a", "a", lina_)).isEqualTo(5);
        assertThat(lina.get("/account/export").body()).contains("\"subscriptions\"", reader.feed("/market.xml"));
        lina.post("/account/delete", Map.of("password", ReaderServer.PASSWORD), "/account");
        assertThat(count("SELECT COUNT(*) FROM subscription WHERE account_id = :a", "a", lina_)).isZero();
        assertThat(count("SELECT COUNT(*) FROM article_read WHERE account_id = :a", "a", lina_)).isZero();
    }

    /** The same feeds and read state through {@code /api/v1}, with a personal access token. */
    @Test
    void theJsonApiListsSubscriptionsUnreadArticlesAndMarksThemRead() {
        Browser karim = reader.reader("karim@example.org");
        HttpResponse<String> made = karim.post("/account/tokens", Map.of("name", "Script", "scope", "read-write"), "/account");
        String token = made.body().replaceAll("(?s).*class=\"token-secret\" dir=\"ltr\">(tid_[A-Za-z0-9_-]+)<.*", "$1");
        Browser api = reader.server.browser().withHeader("Authorization", "Bearer " + token);

        HttpResponse<String> refused = json(token, "POST", "/api/v1/me/subscriptions", "{\"url\": \"http://127.0.0.2/feed\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("feed-refused", "points inside the server");
        assertThat(json(token, "POST", "/api/v1/me/subscriptions", "{\"url\": 1, \"colour\": \"red\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> added = json(token, "POST", "/api/v1/me/subscriptions",
                "{\"url\": \"" + reader.feed("/harbour.xml") + "\", \"label\": \"Coast\"}");
        assertThat(added.statusCode()).as(added.body()).isIn(200, 201);
        reader.refreshAll();
        JsonNode subs = ReaderServer.JSON.readTree(api.get("/api/v1/me/subscriptions").body());
        assertThat(subs.get(0).path("title").asString()).isEqualTo("Harbour Gazette");
        assertThat(subs.get(0).path("unread").asLong()).isEqualTo(3);
        assertThat(subs.get(0).path("label").asString()).isEqualTo("Coast");
        long source = subs.get(0).path("sourceId").asLong();

        JsonNode page = ReaderServer.JSON.readTree(api.get("/api/v1/me/unread?limit=2").body());
        assertThat(page.path("items").valueStream().map(a -> a.path("title").asString()).toList())
                .containsExactly("The harbour wall holds", "Ferries stay in port");
        JsonNode rest = ReaderServer.JSON.readTree(api.get("/api/v1/me/unread?limit=2&cursor=" + page.path("nextCursor").asString()).body());
        assertThat(rest.path("items").valueStream().map(a -> a.path("title").asString()).toList()).containsExactly("Storm reaches the harbour");
        assertThat(api.get("/api/v1/me/unread?cursor=bogus").statusCode()).isEqualTo(400);

        long first = page.path("items").get(0).path("id").asLong();
        assertThat(json(token, "PUT", "/api/v1/me/read/" + first, null).statusCode()).isEqualTo(204);
        assertThat(ReaderServer.JSON.readTree(api.get("/api/v1/me/unread/counts").body()).path("total").asLong()).isEqualTo(2);
        assertThat(json(token, "DELETE", "/api/v1/me/read/" + first, null).statusCode()).isEqualTo(204);
        assertThat(json(token, "POST", "/api/v1/me/read", "{\"scope\": \"galaxy\"}").statusCode()).isEqualTo(422);
        // by topic and by section: only the articles filed there
        long second = page.path("items").get(1).path("id").asLong();
        reader.jdbc().sql("INSERT INTO article_topic (article_id, slug, label, kind) VALUES (:id, 'ferries', 'Ferries', 'subject')")
                .param("id", second).update();
        reader.jdbc().sql("UPDATE article SET section = 'world' WHERE id = :id").param("id", first).update();
        HttpResponse<String> topic = json(token, "POST", "/api/v1/me/read", "{\"scope\": \"topic\", \"target\": \"ferries\"}");
        assertThat(ReaderServer.JSON.readTree(topic.body()).path("marked").asInt()).isEqualTo(1);
        HttpResponse<String> section = json(token, "POST", "/api/v1/me/read", "{\"scope\": \"section\", \"target\": \"world\"}");
        assertThat(ReaderServer.JSON.readTree(section.body()).path("marked").asInt()).isEqualTo(1);
        assertThat(ReaderServer.JSON.readTree(api.get("/api/v1/me/unread").body()).path("items").valueStream()
                .map(a -> a.path("title").asString()).toList()).containsExactly("Storm reaches the harbour");
        json(token, "DELETE", "/api/v1/me/read/" + first, null);
        json(token, "DELETE", "/api/v1/me/read/" + second, null);
        HttpResponse<String> all = json(token, "POST", "/api/v1/me/read", "{\"scope\": \"source\", \"target\": \"" + source + "\"}");
        assertThat(ReaderServer.JSON.readTree(all.body()).path("marked").asInt()).isEqualTo(3);
        assertThat(ReaderServer.JSON.readTree(api.get("/api/v1/me/unread/counts").body()).path("total").asLong()).isZero();
        assertThat(json(token, "DELETE", "/api/v1/me/subscriptions/" + source, null).statusCode()).isEqualTo(204);
        assertThat(json(token, "DELETE", "/api/v1/me/subscriptions/" + source, null).statusCode()).isEqualTo(404);
        assertThat(reader.server.get("/api/v1/me/subscriptions").statusCode()).as("no token").isEqualTo(401);
    }

    private HttpResponse<String> json(String token, String method, String path, String body) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(reader.server.url(path)))
                    .header("Authorization", "Bearer " + token)
                    .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(body));
            if (body != null) request.header("Content-Type", "application/json");
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long unread(String auth) {
        return reader.get(API + "/unread-count", auth).json().path("unreadcounts").valueStream()
                .filter(c -> c.path("id").asString().equals(feedStream())).mapToLong(c -> c.path("count").asLong()).sum();
    }

    private static List<String> titles(JsonNode stream) {
        return stream.path("items").valueStream().map(i -> i.path("title").asString()).toList();
    }

    private static List<String> categories(JsonNode stream) {
        List<String> all = new ArrayList<>();
        stream.path("items").valueStream().forEach(i -> i.path("categories").valueStream().forEach(c -> all.add(c.asString())));
        return all;
    }
}
