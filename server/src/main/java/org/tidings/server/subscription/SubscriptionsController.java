package org.tidings.server.subscription;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tidings.server.account.CurrentReader;
import org.tidings.server.i18n.Message;
import org.tidings.server.site.NotFound;
import org.tidings.server.store.SubscriptionStore;
import org.tidings.server.store.SubscriptionStore.Scope;

/**
 * "Your feeds": the reader's subscriptions with their unread counts, a form to subscribe to a feed by its address, an
 * OPML import, a feed's articles with what the reader has read, and "mark all as read". Every action applies to the
 * session's reader.
 */
@Controller
record SubscriptionsController(Subscriptions subscriptions, SubscriptionStore store, CurrentReader current, Clock clock) {

    /** The articles a feed's page shows, newest first. */
    static final int PAGE = 100;

    @GetMapping("/feeds")
    String feeds(Model model) {
        model.addAttribute("subscriptions", store.subscriptions(current.require()));
        return "feeds";
    }

    @PostMapping("/feeds")
    String subscribe(@RequestParam(name = "url", defaultValue = "") String url, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        long reader = current.require();
        try {
            Subscriptions.Subscribed done = subscriptions.subscribe(reader, url, null, null);
            flash.addFlashAttribute("notice", Message.of(done.added() ? "subscriptions.added" : "subscriptions.already", done.source().name()));
            return "redirect:/feeds";
        } catch (Subscriptions.Refused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", refused.reason());
            return feeds(model);
        }
    }

    @PostMapping("/feeds/import")
    String importOpml(@RequestParam("opml") MultipartFile file, RedirectAttributes flash) throws IOException {
        if (file.isEmpty()) {
            flash.addFlashAttribute("problem", Message.of("admin.notice.chooseFile"));
            return "redirect:/feeds";
        }
        Subscriptions.Imported result = subscriptions.importOpml(current.require(), file.getBytes());
        flash.addFlashAttribute("notice", Message.of("subscriptions.imported", result.added(), result.known(), result.refused().size()));
        return "redirect:/feeds";
    }

    @GetMapping("/feeds/{id}")
    String feed(@PathVariable("id") long id, Model model) {
        long reader = current.require();
        SubscriptionStore.Subscribed feed = store.subscriptions(reader).stream().filter(s -> s.sourceId() == id).findFirst()
                .orElseThrow(() -> new NotFound("subscriptions.unknown", id));
        model.addAttribute("feed", feed);
        model.addAttribute("items", store.items(reader, new SubscriptionStore.Query(new Scope.OfSource(id), null, null, null,
                false, null, null, PAGE)));
        return "feed";
    }

    @PostMapping("/feeds/{id}/unsubscribe")
    String unsubscribe(@PathVariable("id") long id, RedirectAttributes flash) {
        boolean done = subscriptions.unsubscribe(current.require(), id);
        flash.addFlashAttribute(done ? "notice" : "problem", Message.of(done ? "subscriptions.removed" : "subscriptions.unknown", id));
        return "redirect:/feeds";
    }

    /** Marks read what reached Tidings until now: one feed's articles, or every feed's. */
    @PostMapping({"/feeds/read", "/feeds/{id}/read"})
    String markAllRead(@PathVariable(name = "id", required = false) Long id, RedirectAttributes flash) {
        long reader = current.require();
        Scope scope = id == null ? new Scope.Everything() : new Scope.OfSource(id);
        if (id != null && !store.isSubscribed(reader, id)) throw new NotFound("subscriptions.unknown", id);
        int marked = store.markAllRead(reader, scope, clock.instant());
        flash.addFlashAttribute("notice", Message.of("subscriptions.markedRead", marked));
        return id == null ? "redirect:/feeds" : "redirect:/feeds/" + id;
    }
}
