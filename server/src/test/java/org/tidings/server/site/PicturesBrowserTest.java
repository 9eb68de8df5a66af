package org.tidings.server.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.image.Pictures;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Chromium;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;

/**
 * Pictures as readers meet them, in Chromium at 390 and 1280 px, on the front page (in English and in the Arabic
 * edition and interface) and an article's page: every picture comes from Tidings' relay and no request goes to
 * another host, nothing moves while pictures load (layout shift under 0.01, as PerformanceObserver measures it),
 * pictures below the fold load lazily, and an article without a picture, or whose picture is broken, shows its
 * publisher's card instead, with no error in the browser's console.
 */
class PicturesBrowserTest {

    /** Articles of the English publisher; every fourth has no picture. */
    private static final int ENGLISH = 24;
    private static final int ARABIC = 8;

    @TempDir
    Path dataDir;

    @Test
    void picturesComeFromTheRelayLoadLazilyAndMoveNothing() throws Exception {
        try (FixtureServer publishers = new FixtureServer(); RunningServer server = RunningServer.start(dataDir)) {
            publish(publishers, server);
            long article = server.bean(JdbcClient.class).sql("SELECT id FROM article WHERE url = :u")
                    .param("u", publishers.url("/harbour/1")).query(Long.class).single();
            for (int width : new int[] {390, 1280}) {
                ChromeDriver browser = Chromium.start(width, 844, "UTC");
                try {
                    for (String page : List.of("/", "/?edition=ar&lang=ar", "/article/" + article)) {
                        check(browser, server, page, width);
                    }
                } finally {
                    browser.quit();
                }
            }
            assertThat(publishers.requests()).as("the publisher's pictures fetched by the relay, not by the browser")
                    .allMatch(r -> r.userAgent() != null && r.userAgent().contains("Tidings"));
        }
    }

    @SuppressWarnings("unchecked")
    private static void check(ChromeDriver browser, RunningServer server, String page, int width) throws Exception {
        browser.get(server.url(page));
        await().atMost(Duration.ofSeconds(15)).until(() -> (Boolean) browser.executeScript(
                "return document.readyState === 'complete' && [...document.images].filter(i => i.loading !== 'lazy')"
                        + ".every(i => i.complete)"));
        String where = page + " at " + width + " px";

        Map<String, Object> shift = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                let total = 0; const moved = [];
                new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) {
                    total += e.value;
                    for (const s of e.sources || []) moved.push((s.node && s.node.nodeName ? s.node.nodeName + '.' + (s.node.className || '')
                        : '?') + ' ' + JSON.stringify(s.previousRect) + ' -> ' + JSON.stringify(s.currentRect));
                } }).observe({type: 'layout-shift', buffered: true});
                setTimeout(() => done({total: total, moved: moved}), 300);""");
        assertThat(((Number) shift.get("total")).doubleValue()).as("layout shift on " + where + ", what moved: " + shift.get("moved"))
                .isLessThan(0.01);

        String origin = server.url("/");
        List<String> requested = (List<String>) browser.executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(requested).as("requests from " + where).allMatch(url -> url.startsWith(origin));

        List<Map<String, Object>> pictures = (List<Map<String, Object>>) browser.executeScript("""
                return [...document.querySelectorAll('.picture img')].map(i => ({
                    src: i.currentSrc || i.src, lazy: i.loading === 'lazy', top: i.getBoundingClientRect().top + scrollY,
                    loaded: i.complete && i.naturalWidth > 0, fetched: performance.getEntriesByName(i.currentSrc || i.src).length > 0,
                    boxed: i.parentElement.getBoundingClientRect().height > 0 }))""");
        assertThat(pictures).as("pictures on " + where).isNotEmpty();
        assertThat(pictures).allSatisfy(p -> {
            assertThat((String) p.get("src")).as(where).matches(java.util.regex.Pattern.quote(origin) + "image/\\d+/[0-9a-f]{16}/\\d+");
            assertThat(p.get("boxed")).as("its box reserved: " + p.get("src")).isEqualTo(true);
        });
        double fold = ((Number) browser.executeScript("return innerHeight")).doubleValue();
        assertThat(pictures).filteredOn(p -> ((Number) p.get("top")).doubleValue() > fold).as("below the fold on " + where)
                .allSatisfy(p -> assertThat(p.get("lazy")).isEqualTo(true));
        java.util.Set<Object> near = pictures.stream().filter(p -> ((Number) p.get("top")).doubleValue() <= fold + 4000)
                .map(p -> p.get("src")).collect(java.util.stream.Collectors.toSet());
        assertThat(pictures).filteredOn(p -> ((Number) p.get("top")).doubleValue() > fold + 4000 && !near.contains(p.get("src")))
                .as("far below the fold (and not shown higher up too), not fetched")
                .allSatisfy(p -> assertThat(p.get("fetched")).isEqualTo(false));
        assertThat(pictures).filteredOn(p -> ((Number) p.get("top")).doubleValue() < fold).as("in view on " + where)
                .isNotEmpty().allSatisfy(p -> assertThat(p.get("loaded")).as("loaded: " + p.get("src")).isEqualTo(true));
        if (!page.startsWith("/article/")) {
            assertThat((Long) browser.executeScript("return document.querySelectorAll('.picture .frame:not(:has(img))').length"))
                    .as("a publisher's card for an article without a picture on " + where).isPositive();
            assertThat((Long) browser.executeScript("return document.querySelectorAll('.article-card .preview').length"))
                    .as("previews on " + where).isPositive();
        }
        assertThat(browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll())
                .as("no errors in the console on " + where + " (a broken picture included)")
                .noneMatch(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue());
        Chromium.screenshot(browser, "pictures-" + width + "-" + page.replaceAll("[^a-z0-9]+", "-"));
    }

    /** An English and an Arabic publisher whose feeds give each article a picture (a media thumbnail), all but a few. */
    private static void publish(FixtureServer publishers, RunningServer server) throws IOException {
        Color[] colours = {Color.RED, Color.BLUE, new Color(0x2e6b30), Color.ORANGE, Color.DARK_GRAY, Color.MAGENTA};
        for (int i = 0; i < colours.length; i++) {
            byte[] photo = Pictures.jpeg(1600, 900, colours[i]);
            publishers.route("/photos/" + i + ".jpg", ex -> FixtureServer.respond(ex, 200, "image/jpeg", photo));
        }
        StringBuilder english = new StringBuilder();
        for (int i = 1; i <= ENGLISH; i++) {
            english.append(item(publishers, "/harbour/" + i, capitalised(words(ENGLISH_WORDS, 9, i)) + " " + i,
                    capitalised(words(ENGLISH_WORDS, 24, 100 + i)) + ". " + capitalised(words(ENGLISH_WORDS, 20, 200 + i)) + ".",
                    i % 4 == 0 ? null : i == 2 ? "/photos/broken.jpg" : "/photos/" + i % colours.length + ".jpg", i));
        }
        publishers.route("/photos/broken.jpg", ex -> FixtureServer.respond(ex, 200, "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3}));
        StringBuilder arabic = new StringBuilder();
        for (int i = 1; i <= ARABIC; i++) {
            arabic.append(item(publishers, "/ar/" + i, words(ARABIC_WORDS, 8, i) + " " + i,
                    words(ARABIC_WORDS, 24, 100 + i) + ". " + words(ARABIC_WORDS, 18, 200 + i) + ".",
                    i % 4 == 0 ? null : "/photos/" + i % colours.length + ".jpg", i));
        }
        publishers.serve("/harbour.xml", "application/rss+xml", rss(publishers, "Harbour Times", english));
        publishers.serve("/arabic.xml", "application/rss+xml", rss(publishers, "أخبار الخليج", arabic));
        SourceStore sources = server.bean(SourceStore.class);
        sources.add(new SourceSettings(publishers.url("/harbour.xml"), "Harbour Times", publishers.url("/"), "en", "gulf", null, false, true),
                Duration.ofMinutes(15));
        sources.add(new SourceSettings(publishers.url("/arabic.xml"), "أخبار الخليج", publishers.url("/"), "ar", "gulf", null, false, true),
                Duration.ofMinutes(15));
        JdbcClient sql = server.bean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(40)).until(() -> sql.sql(
                "SELECT COUNT(*) FROM article WHERE clustered_at IS NOT NULL AND enriched_at IS NOT NULL").query(Long.class).single()
                == ENGLISH + ARABIC);
    }

    /** Words for texts that differ enough not to be taken for copies of one another, nor for one story. */
    private static final String[] ENGLISH_WORDS = ("harbour council ferry timetable bridge river school teacher hospital nurse train station "
            + "museum painting orchestra concert football stadium cyclist mountain glacier farmer harvest wheat bakery bread market "
            + "fisherman boat lighthouse storm rain drought reservoir engineer tunnel airport pilot runway library novel poet theatre "
            + "actor festival lantern garden orchard beekeeper honey vineyard winery castle tower village mayor election budget tax "
            + "court judge lawyer prison police detective factory worker strike union engine battery solar wind turbine forest wolf "
            + "bear eagle island volcano earthquake tsunami satellite rocket telescope planet comet scientist laboratory vaccine "
            + "doctor patient clinic pharmacy").split(" ");
    private static final String[] ARABIC_WORDS = ("بلدية دبي حديقة مدرسة معلم مستشفى ممرضة قطار محطة متحف لوحة فرقة حفل كرة ملعب دراجة جبل "
            + "مزارع حصاد قمح مخبز خبز سوق صياد قارب منارة عاصفة مطر جفاف سد مهندس نفق مطار طيار مكتبة رواية شاعر مسرح ممثل مهرجان "
            + "فانوس بستان نحل عسل قلعة برج قرية انتخابات ميزانية ضريبة محكمة قاض محام شرطة مصنع عامل إضراب محرك بطارية شمس رياح "
            + "غابة ذئب نسر جزيرة بركان زلزال قمر صاروخ كوكب عالم مختبر لقاح طبيب مريض عيادة صيدلية").split(" ");

    private static String words(String[] vocabulary, int count, int seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) text.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        return text.toString();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String item(FixtureServer publishers, String path, String title, String text, String picture, int minutesAgo) {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().minusSeconds(60L * minutesAgo).atOffset(ZoneOffset.UTC));
        return "<item><guid>" + publishers.url(path) + "</guid><link>" + publishers.url(path) + "</link><title>" + title + "</title>"
                + "<pubDate>" + at + "</pubDate><description>" + text + "</description>"
                + (picture == null ? "" : "<media:thumbnail url=\"" + publishers.url(picture) + "\" width=\"1600\" height=\"900\"/>")
                + "</item>\n";
    }

    private static String rss(FixtureServer publishers, String title, CharSequence items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel>"
                + "<link>" + publishers.url("/") + "</link><title>" + title + "</title>\n" + items + "</channel></rss>\n";
    }
}
