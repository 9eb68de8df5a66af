package org.tidings.server.site;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;
import org.tidings.server.i18n.Message;
import org.tidings.server.i18n.ReaderLocales;
import org.tidings.server.store.DatabaseOutage;
import org.tidings.server.store.ListingStore;

/**
 * What the site answers besides its articles and lists: sign-in (Spring Security checks the posted form), errors,
 * and what crawlers and browsers ask the site itself for (the service worker from the root, to keep any page).
 */
@Controller
record SiteController(ListingStore listings, SiteAddress site, MessageSource messages) implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(SiteController.class);

    /** Articles in the site map: the newest, as search engines revisit; one file stays under the 50,000 limit. */
    static final int SITEMAP_ARTICLES = 10_000;
    /** When a reader (or a crawler) may try again while the database is away: about the time it takes to restart. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    /** While the database is away every request fails alike: the log says so once in this long, with how many failed. */
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final AtomicLong nextLog = new AtomicLong(System.nanoTime());
    private static final AtomicLong unlogged = new AtomicLong();

    @GetMapping("/login")
    String login(@RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "slow", required = false) Long slow, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("slow", slow == null ? null : Math.max(1, slow));
        return "login";
    }

    /** Every error a reader can meet ends here: the status and a plain sentence, never a stack trace. */
    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        // a failure outside the controllers (in a filter, as signing in reads accounts) may be the database's too
        if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseOutage.explains(failure)) {
            return unavailable(request, response, model, failure);
        }
        // only our own sentences, one per kind of failure: an exception's message may carry internals
        String kind = switch (status) {
            case 400, 403, 404, 405, 503 -> String.valueOf(status);
            default -> status >= 500 ? "500" : "other";
        };
        return error(response, model, status, kind, Message.of("error." + kind));
    }

    /**
     * The database is away or its disk is full: 503, with when to try again, kept by no cache; the log says which, in
     * one line without a stack trace (a passing condition, not a defect), at most once every {@link #LOG_EVERY}.
     */
    static String unavailable(HttpServletRequest request, HttpServletResponse response, Model model, Throwable failure) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        long now = System.nanoTime();
        long next = nextLog.get();
        long failed = unlogged.incrementAndGet();
        if (now - next >= 0 && nextLog.compareAndSet(next, now + LOG_EVERY.toNanos())) {
            unlogged.addAndGet(-failed);
            boolean diskFull = DatabaseOutage.diskFull(failure);
            log.atWarn().addKeyValue("event", "database_unavailable").addKeyValue("reason", diskFull ? "disk_full" : "unreachable")
                    .addKeyValue("path", request.getRequestURI()).addKeyValue("requests", failed)
                    .addKeyValue("error", failure.toString())
                    .log("{} request(s) answered 503: {}", failed, diskFull ? "the disk is full" : "the database is unavailable");
        }
        return error(response, model, 503, "503", Message.of("error.503"));
    }

    static String error(HttpServletResponse response, Model model, int status, String kind, Message message) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("reason", Message.of("error.reason." + kind));
        model.addAttribute("message", message);
        return "error";
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap(HttpServletRequest request) {
        String base = site.base(request);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, base + "/", null);
        for (String slug : Sections.SLUGS) url(xml, base + "/section/" + slug, null);
        for (ListingStore.Entry e : listings.sitemap(SITEMAP_ARTICLES)) url(xml, base + "/article/" + e.id(), Times.iso(e.modified()));
        xml.append("</urlset>\n");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic()).body(xml.toString());
    }

    private static void url(StringBuilder xml, String loc, String lastmod) {
        xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(loc)).append("</loc>");
        if (lastmod != null) xml.append("<lastmod>").append(lastmod).append("</lastmod>");
        xml.append("</url>\n");
    }

    /** Everything readers see may be indexed; the administration, sign-in and image relay may not. */
    @GetMapping(path = "/robots.txt", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    String robots(HttpServletRequest request) {
        return "User-agent: *\nDisallow: /admin/\nDisallow: /login\nDisallow: /image/\nDisallow: /actuator/\n\n"
                + "Sitemap: " + site.base(request) + "/sitemap.xml\n";
    }

    @GetMapping(path = "/manifest.webmanifest", produces = "application/manifest+json;charset=UTF-8")
    @ResponseBody
    String manifest(Locale locale) {
        String name = json(messages.getMessage("site.name", null, locale));
        return """
                {"name": "%s", "short_name": "%s", "description": "%s", "lang": "%s", "dir": "%s",
                 "start_url": "/", "scope": "/", "display": "standalone",
                 "background_color": "#ffffff", "theme_color": "#0b57d0",
                 "icons": [
                  {"src": "/static/icon.svg", "sizes": "any", "type": "image/svg+xml"},
                  {"src": "/static/icon-192.png", "sizes": "192x192", "type": "image/png"},
                  {"src": "/static/icon-512.png", "sizes": "512x512", "type": "image/png"},
                  {"src": "/static/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"}
                 ]}
                """.formatted(name, name, json(messages.getMessage("app.description", null, locale)), locale.toLanguageTag(),
                ReaderLocales.rightToLeft(locale) ? "rtl" : "ltr");
    }

    @GetMapping("/sw.js")
    ResponseEntity<Resource> serviceWorker() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
                .cacheControl(CacheControl.noCache()).body(new ClassPathResource("static/sw.js"));
    }

    @GetMapping("/offline")
    String offline() {
        return "offline";
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
