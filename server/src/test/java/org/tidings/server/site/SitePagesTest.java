package org.tidings.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;

/**
 * The reader's site over HTTP, from publishers' feeds on a local server: section, topic and
 * source pages, editions, Atom feeds with autodiscovery, OpenGraph and canonical tags, the site
 * map, robots.txt, the installable app's files, and images relayed by Tidings itself.
 */
class SitePagesTest {

    @TempDir
    Path dataDir;

    @Test
    void theSiteServesEveryListAsAPageAndAFeedWithoutThirdPartyRequests() throws Exception {
        try (FixtureServer publishers = new FixtureServer(); RunningServer server = RunningServer.start(dataDir)) {
            SiteFixture.publish(publishers, server);
            long quake = SiteFixture.idOf(server, publishers, "/gulf/quake");
            long chile = SiteFixture.idOf(server, publishers, "/london/chile");
            long phone = SiteFixture.idOf(server, publishers, "/gulf/phone");

            // the front page: top story, a row per section that has articles, the latest, its feed advertised
            HttpResponse<String> home = server.get("/");
            assertThat(home.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("img-src 'self' data:;").doesNotContain("https:").doesNotContain("upgrade-insecure-requests");
            assertThat(home.body()).contains("Top stories", "3 publishers", "href=\"/section/world\"", "href=\"/section/sports\"")
                    .contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feed.xml\"");
            assertThat(home.body()).as("no empty section rows").doesNotContain("id=\"row-health\"");
            assertThat(srcAttributes(home.body())).as("no third-party requests").allMatch(src -> src.startsWith("/"));

            // a section page lists its section only
            String sports = server.get("/section/sports").body();
            assertThat(sports).contains("Harbour United win the cup final").doesNotContain("earthquake")
                    .contains("href=\"/section/sports/feed.xml\"");
            assertThat(server.get("/section/no-such-section").statusCode()).isEqualTo(404);

            // the article page: publisher mark and link, topics as hashtags, its lead image through the proxy, OpenGraph
            String article = server.get("/article/" + quake).body();
            assertThat(article).contains("href=\"/source/", "class=\"mark mark-", "class=\"topics\"", "#Chile")
                    .contains("<meta property=\"og:title\" content=\"Magnitude 7.1 earthquake strikes")
                    .contains("<meta property=\"og:url\" content=\"" + server.url("/article/" + quake) + "\">")
                    .contains("<link rel=\"canonical\" href=\"" + publishers.url("/gulf/quake") + "\">")
                    .contains("<meta property=\"og:image\" content=\"" + server.url("/image/" + quake + "/"));
            assertThat(srcAttributes(article)).allMatch(src -> src.startsWith("/"));
            Matcher lead = Pattern.compile("<div class=\"lead-image\">\\s*<figure class=\"picture picture-large\">.*?<img src=\"(/image/\\d+/[0-9a-f]{16})/640\" "
                    + "srcset=\"\\1/160 160w, \\1/320 320w, \\1/640 640w, \\1/1200 1200w\"", Pattern.DOTALL).matcher(article);
            assertThat(lead.find()).as("the lead image is shown, as thumbnails").isTrue();
            assertThat(article).contains("fetchpriority=\"high\"");
            assertThat(article).as("the caption under its picture").containsPattern("(?s)<div class=\"lead-image\">\\s*<figure [^>]*>.*?"
                    + "</div>\\s*<figcaption dir=\"auto\">" + SiteFixture.QUAKE_CAPTION + " <bdi class=\"credit\">" + SiteFixture.QUAKE_CREDIT
                    + "</bdi></figcaption>\\s*</figure>\\s*</div>");
            thumbnails(server, lead.group(1));

            // the image proxy relays the article's own images, and nothing else
            HttpResponse<String> image = server.get(lead.group(1));
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
            assertThat(image.headers().firstValue("Cache-Control")).get().asString().contains("max-age=604800");
            int fetched = publishers.hits("/img/quake.png");
            assertThat(server.get(lead.group(1)).statusCode()).isEqualTo(200);
            assertThat(publishers.hits("/img/quake.png")).as("kept in memory").isEqualTo(fetched);
            assertThat(server.get("/image/" + quake + "/0123456789abcdef").statusCode()).as("not the article's image").isEqualTo(404);
            assertThat(server.get("/image/" + chile + "/" + lead.group(1).substring(lead.group(1).lastIndexOf('/') + 1)).statusCode())
                    .as("another article's image").isEqualTo(404);
            String phonePage = server.get("/article/" + phone).body();
            Matcher svg = Pattern.compile("<img src=\"(/image/\\d+/[0-9a-f]{16})/640\"").matcher(phonePage);
            assertThat(svg.find()).isTrue();
            assertThat(server.get(svg.group(1)).statusCode()).as("an SVG can carry script: refused").isEqualTo(502);
            HttpResponse<String> noPicture = server.get(svg.group(1) + "/640");
            assertThat(noPicture.statusCode()).as("no thumbnail: a transparent pixel over the publisher's card, no error in the browser").isEqualTo(200);
            assertThat(noPicture.headers().firstValue("Content-Type")).contains("image/gif");
            assertThat(noPicture.headers().firstValue("X-Tidings-Image")).contains("remembered_failure");

            // images in the text are rewritten to the proxy too
            String chilePage = server.get("/article/" + chile).body();
            Matcher inline = Pattern.compile("<img (?=[^>]*alt=\"The coast at Iquique\")(?=[^>]*loading=\"lazy\")[^>]*src=\"(/image/" + chile + "/[0-9a-f]{16}/640)\"")
                    .matcher(chilePage);
            assertThat(inline.find()).as(chilePage).isTrue();
            assertThat(chilePage).doesNotContain(publishers.url("/img/inline.png"));
            assertThat(server.get(inline.group(1)).statusCode()).isEqualTo(200);

            // a topic's page and feed
            Matcher topic = Pattern.compile("href=\"(/topic/[^\"]+)\" class=\"tag tag-place\" rel=\"tag\" dir=\"auto\">#Chile<").matcher(article);
            assertThat(topic.find()).as(article).isTrue();
            String topicPage = server.get(topic.group(1)).body();
            assertThat(topicPage).contains("Magnitude 7.1 earthquake strikes").doesNotContain("Harbour United");
            HttpResponse<String> topicFeed = server.get(topic.group(1) + "/feed.xml");
            assertThat(topicFeed.headers().firstValue("Content-Type")).get().asString().startsWith("application/atom+xml");
            assertThat(topicFeed.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<entry>",
                    server.url("/article/" + quake)).doesNotContain("Harbour United");
            assertThat(server.get("/topic/no-such-topic").statusCode()).isEqualTo(404);

            // a publisher's page and feed
            Matcher source = Pattern.compile("href=\"(/source/\\d+)\"").matcher(article);
            assertThat(source.find()).isTrue();
            assertThat(server.get(source.group(1)).body()).contains("Gulf Times", "Apple unveils").doesNotContain("Harbour United");
            assertThat(server.get(source.group(1) + "/feed.xml").body()).contains("<title>Apple unveils");
            assertThat(server.get("/source/999999").statusCode()).isEqualTo(404);

            // the home feed has every list's articles, copies aside
            assertThat(server.get("/feed.xml").body()).contains("Harbour United", "دبي تعلن", "<name>Gulf Times</name>");

            // editions: chosen once, remembered; the Arabic edition has the Arabic report only
            Browser reader = server.browser();
            String arabic = reader.get("/?edition=ar").body();
            assertThat(latest(arabic)).contains("دبي تعلن").doesNotContain("Harbour United").doesNotContain("earthquake");
            assertThat(latest(reader.get("/").body())).as("remembered").contains("دبي تعلن").doesNotContain("Harbour United");
            String uk = reader.get("/?edition=en-uk").body();
            assertThat(latest(uk)).contains("Harbour United", "Chile earthquake").doesNotContain("دبي").doesNotContain("Apple unveils");
            assertThat(uk).contains("href=\"/feed.xml?edition=en-uk\"");
            assertThat(server.get("/feed.xml?edition=en-gulf").body()).contains("Apple unveils").doesNotContain("Harbour United");
            // the switch is a list of links, no form to submit: it works without JavaScript, and keeps the page's query
            String search = server.browser().get("/search?q=earthquake&page=2").body();
            assertThat(search).contains("href=\"/search?q=earthquake&amp;edition=en-uk\"").doesNotContain("name=\"edition\"");
            Browser switching = server.browser();
            Matcher link = Pattern.compile("<a href=\"(/\\?edition=ar)\"[^>]*>").matcher(switching.get("/").body());
            assertThat(link.find()).as("the home page links to the Arabic edition").isTrue();
            switching.get(link.group(1).replace("&amp;", "&"));
            assertThat(latest(switching.get("/").body())).as("the edition followed is remembered").contains("دبي تعلن").doesNotContain("Harbour United");

            // an edition the site does not offer is forgotten, never an empty site for a year
            Browser stale = server.browser().withHeader("Cookie", "tidings_edition=en-india");
            HttpResponse<String> forgotten = stale.get("/");
            assertThat(latest(forgotten.body())).contains("Harbour United", "دبي تعلن");
            assertThat(forgotten.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("tidings_edition=;")
                    && c.contains("Max-Age=0"));
            HttpResponse<String> notOffered = server.browser().get("/?edition=en-india");
            assertThat(latest(notOffered.body())).contains("Harbour United", "دبي تعلن");
            assertThat(notOffered.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("tidings_edition"));

            // a first visit: the edition of the browser's language, when the site offers one in it
            assertThat(latest(server.browser().get("/", Map.of("Accept-Language", "ar-AE,ar;q=0.9,en;q=0.5")).body()))
                    .contains("دبي تعلن").doesNotContain("Harbour United");
            assertThat(latest(server.browser().get("/", Map.of("Accept-Language", "en-GB,en;q=0.9")).body()))
                    .as("English has an edition per region: a browser's English names none").contains("Harbour United", "Apple unveils");
            assertThat(latest(server.browser().get("/", Map.of("Accept-Language", "de-DE,de;q=0.9,en;q=0.5")).body()))
                    .as("no edition of the reader's language: everything").contains("Harbour United", "دبي تعلن");

            // the story page: canonical and OpenGraph
            Matcher story = Pattern.compile("href=\"/story/(\\d+)\"").matcher(home.body());
            assertThat(story.find()).isTrue();
            assertThat(server.get("/story/" + story.group(1)).body())
                    .contains("<link rel=\"canonical\" href=\"" + server.url("/story/" + story.group(1)) + "\">", "og:title");

            // what crawlers and browsers ask the site for
            assertThat(server.get("/sitemap.xml").body()).contains("<urlset", server.url("/article/" + quake), server.url("/section/world"));
            assertThat(server.get("/robots.txt").body()).contains("Disallow: /admin/", "Sitemap: " + server.url("/sitemap.xml"));
            assertThat(server.get("/manifest.webmanifest").body()).contains("\"start_url\": \"/\"", "icon-512.png", "icon-192.png");
            assertThat(server.get("/static/icon-192.png").statusCode()).isEqualTo(200);
            HttpResponse<String> worker = server.get("/sw.js");
            assertThat(worker.headers().firstValue("Content-Type")).get().asString().startsWith("text/javascript");
            assertThat(worker.body()).contains("caches");
            assertThat(server.get("/offline").body()).contains("You are offline");
            assertThat(server.get("/offline?lang=ar").body()).contains("أنت غير متصل");
        }
    }

    private static String latest(String html) {
        return html.substring(html.indexOf("id=\"latest-heading\""));
    }

    private static java.util.List<String> srcAttributes(String html) {
        Matcher m = Pattern.compile("\\ssrc=\"([^\"]*)\"").matcher(html);
        java.util.List<String> all = new java.util.ArrayList<>();
        while (m.find()) all.add(m.group(1));
        return all;
    }

    /**
     * A picture's thumbnails: WebP for a browser that accepts it, else JPEG, resized, with an ETag that answers "not
     * modified", kept for a week and varying by Accept; only the widths pages ask for.
     */
    private static void thumbnails(RunningServer server, String picture) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> webp = http.send(HttpRequest.newBuilder(URI.create(server.url(picture + "/320")))
                .header("Accept", "image/avif,image/webp,*/*").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(webp.statusCode()).isEqualTo(200);
        assertThat(webp.headers().firstValue("Content-Type")).contains("image/webp");
        assertThat(webp.headers().firstValue("Vary")).get().asString().contains("Accept");
        assertThat(webp.headers().firstValue("Cache-Control")).get().asString().contains("max-age=604800");
        String etag = webp.headers().firstValue("ETag").orElseThrow();
        assertThat(new String(webp.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create(server.url(picture + "/320")))
                .header("Accept", "image/webp").header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        // made once, then answered from the disk ahead of the filter chain: the same bytes, with the same headers
        HttpResponse<byte[]> kept = http.send(HttpRequest.newBuilder(URI.create(server.url(picture + "/320")))
                .header("Accept", "image/avif,image/webp,*/*").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.body()).isEqualTo(webp.body());
        for (String header : java.util.List.of("Content-Type", "Cache-Control", "ETag", "Vary", "X-Content-Type-Options",
                "Content-Security-Policy", "Content-Length")) {
            assertThat(kept.headers().allValues(header)).as(header).isNotEmpty().isEqualTo(webp.headers().allValues(header));
        }
        HttpResponse<byte[]> jpeg = http.send(HttpRequest.newBuilder(URI.create(server.url(picture + "/1200")))
                .header("Accept", "image/png,image/*").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(jpeg.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg.body()))).as("a JPEG")
                .satisfies(image -> assertThat(image.getWidth()).as("no wider than asked").isBetween(1, 1200));
        assertThat(server.get(picture + "/333").statusCode()).as("only the widths pages ask for").isEqualTo(404);
    }
}
