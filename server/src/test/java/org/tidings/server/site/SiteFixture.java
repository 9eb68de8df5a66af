package org.tidings.server.site;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;

/**
 * Four publishers on a local server, as the reader's pages need them: an earthquake covered by
 * three (one with a lead image and one with an image in its text), a technology and a sports
 * report, and an Arabic report from the Gulf; editions English-Gulf, English-UK and Arabic. The earthquake's lead
 * image has a caption and a credit (Media RSS).
 */
final class SiteFixture {

    static final String QUAKE_TEXT = "<p>A powerful earthquake of magnitude 7.1 struck off the coast of northern Chile on "
            + "Tuesday, the national seismology centre said, prompting a tsunami warning for the Pacific coast and the "
            + "evacuation of several coastal towns. There were no immediate reports of casualties, officials in "
            + "Antofagasta and Iquique said, while the navy watched sea levels.</p>";

    /** An entry; its picture with a caption is given as Media RSS, else as an enclosure. */
    record Item(String path, String title, String html, String image, String caption, String credit, int minutesAgo) {
        Item(String path, String title, String html, String image, int minutesAgo) {
            this(path, title, html, image, null, null, minutesAgo);
        }
    }

    static final String QUAKE_CAPTION = "Residents of Iquique on higher ground after the tsunami warning";
    static final String QUAKE_CREDIT = "Ana Ruiz/Gulf Times";

    private SiteFixture() {}

    /** Serves the publishers' feeds and images on {@code publishers}, registers them on {@code server}, waits until all is filed. */
    static void publish(FixtureServer publishers, RunningServer server) {
        byte[] png = png();
        publishers.route("/img/quake.png", ex -> FixtureServer.respond(ex, 200, "image/png", png));
        publishers.route("/img/inline.png", ex -> FixtureServer.respond(ex, 200, "image/png", png));
        publishers.serve("/img/evil.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        publishers.serve("/gulf.xml", "application/rss+xml", rss(publishers, "Gulf Times", List.of(
                new Item("/gulf/quake", "Magnitude 7.1 earthquake strikes off northern Chile, tsunami warning issued", QUAKE_TEXT,
                        "/img/quake.png", QUAKE_CAPTION, QUAKE_CREDIT, 50),
                new Item("/gulf/phone", "Apple unveils a new iPhone with a faster chip in Dubai",
                        "<p>Apple showed its new iPhone and a faster processor at an event in Dubai on Tuesday. The company said "
                                + "the smartphone software and artificial intelligence features reach developers next month.</p>",
                        "/img/evil.svg", 40))));
        publishers.serve("/london.xml", "application/rss+xml", rss(publishers, "London Courier", List.of(
                new Item("/london/chile", "Chile earthquake: 7.1 quake triggers tsunami warning along the Pacific coast",
                        "<p>Chile's coast was put on tsunami alert after a 7.1 earthquake shook the north of the country.</p>"
                                + "<p><img src=\"" + publishers.url("/img/inline.png") + "\" alt=\"The coast at Iquique\" width=\"64\" height=\"64\"></p>",
                        null, 45),
                new Item("/london/cup", "Harbour United win the cup final after extra time",
                        "<p>Harbour United beat City 2-1 in the football cup final on Saturday as the striker scored twice "
                                + "and the goalkeeper saved a penalty in front of the league's biggest crowd.</p>", null, 30))));
        publishers.serve("/wire.xml", "application/rss+xml", rss(publishers, "Coastal Wire", List.of(
                new Item("/wire/tsunami", "Tsunami warning after powerful earthquake hits northern Chile",
                        "<p>A tsunami warning was issued after a powerful 7.1 magnitude earthquake hit northern Chile.</p>", null, 35))));
        publishers.serve("/arabic.xml", "application/rss+xml", rss(publishers, "أخبار الخليج", List.of(
                new Item("/ar/metro", "دبي تعلن خطة جديدة للنقل العام تشمل خطوط مترو وحافلات كهربائية",
                        "<p>أعلنت حكومة دبي يوم الثلاثاء عن خطة جديدة لتطوير النقل العام في الإمارة، تشمل خطوط مترو وحافلات كهربائية. "
                                + "وقال المسؤولون إن المشروع سيخدم ملايين السكان في دولة الإمارات العربية المتحدة.</p>", null, 20))));
        SourceStore sources = server.bean(SourceStore.class);
        add(sources, publishers, "/gulf.xml", "Gulf Times", "en", "gulf", null);
        add(sources, publishers, "/london.xml", "London Courier", "en", "uk", null);
        add(sources, publishers, "/wire.xml", "Coastal Wire", "en", null, "world");
        add(sources, publishers, "/arabic.xml", "أخبار الخليج", "ar", "gulf", null);
        JdbcClient sql = server.bean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(40)).until(() -> sql.sql(
                "SELECT COUNT(*) FROM article WHERE clustered_at IS NOT NULL AND enriched_at IS NOT NULL").query(Long.class).single() == 6);
    }

    static long idOf(RunningServer server, FixtureServer publishers, String path) {
        return server.bean(JdbcClient.class).sql("SELECT id FROM article WHERE url = :u").param("u", publishers.url(path))
                .query(Long.class).single();
    }

    private static void add(SourceStore sources, FixtureServer publishers, String feed, String name, String lang, String region,
            String section) {
        sources.add(new SourceSettings(publishers.url(feed), name, publishers.url("/"), lang, region, section, false, true),
                Duration.ofMinutes(15));
    }

    private static String rss(FixtureServer publishers, String title, List<Item> items) {
        Instant now = Instant.now();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel>"
                + "<link>" + publishers.url("/") + "</link><title>" + escape(title) + "</title>\n");
        for (Item item : items) {
            xml.append("<item><guid>").append(publishers.url(item.path())).append("</guid><link>")
                    .append(publishers.url(item.path())).append("</link><title>").append(escape(item.title())).append("</title>")
                    .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            now.minusSeconds(60L * item.minutesAgo()).atOffset(ZoneOffset.UTC))).append("</pubDate>")
                    .append("<content:encoded>").append(escape(item.html())).append("</content:encoded>");
            if (item.image() != null && item.caption() != null) {
                xml.append("<media:content url=\"").append(publishers.url(item.image())).append("\" medium=\"image\">")
                        .append("<media:description>").append(escape(item.caption())).append("</media:description>")
                        .append("<media:credit>Photo: ").append(escape(item.credit())).append("</media:credit></media:content>");
            } else if (item.image() != null) {
                xml.append("<enclosure url=\"").append(publishers.url(item.image())).append("\" type=\"image/png\" length=\"1000\"/>");
            }
            xml.append("</item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(AppIcons.draw(192), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
