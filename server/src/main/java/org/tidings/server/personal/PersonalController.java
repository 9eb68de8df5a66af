package org.tidings.server.personal;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tidings.server.account.CurrentReader;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.AccountStore;
import org.tidings.server.store.Archive;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.Interest;
import org.tidings.server.store.PersonalStore.Choice;
import org.tidings.server.store.PersonalStore;
import org.tidings.server.store.SourceStore;

/** The reader's personal pages; every action applies to the session's reader, never one from the request. */
@Controller
record PersonalController(PersonalStore store, ForYou forYou, Choices choices, Archive articles,
        SourceStore sources, AccountStore accounts, CurrentReader current) {

    static final int FOR_YOU = 30;
    /** Saved articles and history entries shown, newest first. */
    static final int LIST = 200;

    @GetMapping("/for-you")
    String forYou(Model model) {
        long reader = current.require();
        model.addAttribute("picks", forYou.picks(reader, FOR_YOU));
        model.addAttribute("nothingToGoOn", forYou.nothingToGoOn(reader));
        return "for-you";
    }

    @GetMapping("/following")
    String following(Model model) {
        long reader = current.require();
        model.addAttribute("follows", store.follows(reader));
        model.addAttribute("mutes", store.mutes(reader));
        model.addAttribute("sources", sources.findAll());
        return "following";
    }

    @PostMapping("/following/{action:follow|unfollow|mute|unmute}")
    String change(@PathVariable("action") String action, @RequestParam("kind") String kind,
            @RequestParam("target") String target, @RequestParam(name = "back", required = false) String back,
            RedirectAttributes flash) {
        long reader = current.require();
        Choice choice = action.endsWith("follow") ? Choice.FOLLOW : Choice.MUTE;
        Optional<Interest> interest = Interest.parse(kind);
        if (action.startsWith("un")) {
            interest.ifPresent(i -> choices.remove(reader, choice, i, target));
            return redirectBack(back, "/following");
        }
        Optional<Choices.Labelled> what = interest.flatMap(i -> choices.add(reader, choice, i, target));
        String done = choice == Choice.FOLLOW ? "following.followed" : "following.muted";
        flash.addFlashAttribute("notice", what.map(w -> Message.of(done, w.label())).orElse(Message.of("following.invalid")));
        return redirectBack(back, "/following");
    }

    @GetMapping("/saved")
    String saved(Model model) {
        model.addAttribute("articles", articlesOf(store.saved(current.require(), LIST)));
        return "saved";
    }

    @PostMapping("/saved/{articleId}")
    String save(@PathVariable("articleId") long articleId, @RequestParam(name = "back", required = false) String back) {
        if (!store.save(current.require(), articleId)) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        return redirectBack(back, "/saved");
    }

    @PostMapping("/saved/{articleId}/remove")
    String unsave(@PathVariable("articleId") long articleId, @RequestParam(name = "back", required = false) String back) {
        store.unsave(current.require(), articleId);
        return redirectBack(back, "/saved");
    }

    @GetMapping("/history")
    String history(Model model) {
        long reader = current.require();
        model.addAttribute("articles", articlesOf(store.history(reader, LIST)));
        model.addAttribute("enabled", accounts.profile(reader).map(AccountStore.Profile::historyEnabled).orElse(false));
        return "history";
    }

    @PostMapping("/history/clear")
    String clearHistory(RedirectAttributes flash) {
        store.clearHistory(current.require());
        flash.addFlashAttribute("notice", Message.of("history.cleared"));
        return "redirect:/history";
    }

    private List<ArticleView> articlesOf(List<PersonalStore.Marked> marked) {
        return articles.findByIds(marked.stream().map(PersonalStore.Marked::articleId).toList());
    }

    /** Back to the page the form was on, if it is a page of this site; never to another site. */
    static String redirectBack(String back, String fallback) {
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                && back.chars().noneMatch(c -> c < 0x20);
        return "redirect:" + (local ? back : fallback);
    }
}
