package org.tidings.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tidings.server.account.AccessTokens;
import org.tidings.server.account.CurrentReader;
import org.tidings.server.i18n.Message;
import org.tidings.server.personal.Choices;
import org.tidings.server.personal.ForYou;
import org.tidings.server.site.SiteAddress;
import org.tidings.server.store.AccountStore;
import org.tidings.server.store.Archive;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.Interest;
import org.tidings.server.store.PersonalStore;
import org.tidings.server.store.PersonalStore.Choice;

/**
 * The bearer's own things: follows and mutes, saved articles, reading history, "For you". Every address works on the
 * token's reader, never on an account named in the request, so no reader can reach another's.
 */
@RestController
@RequestMapping(path = ApiSecurity.PREFIX + "/me", produces = MediaType.APPLICATION_JSON_VALUE)
record ReaderApi(PersonalStore store, Choices choices, ForYou forYou, Archive archive, AccountStore accounts,
        CurrentReader current, RequestBodies bodies, SiteAddress site, MessageSource messages, Clock clock) {

    /** A follow or mute asked for: {@code {"kind": "topic", "target": "climate"}}. */
    record ChoiceRequest(String kind, String target) {}

    @GetMapping
    Views.Me me() {
        AccountStore.Profile profile = accounts.profile(current.require()).orElseThrow();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean writes = auth.getAuthorities().stream().anyMatch(a -> AccessTokens.Scope.WRITING.equals(a.getAuthority()));
        return new Views.Me(profile.username(), profile.shownName(), profile.role(),
                (writes ? AccessTokens.Scope.READ_WRITE : AccessTokens.Scope.READ).code());
    }

    @GetMapping("/follows")
    List<Views.Choice> follows() {
        return store.follows(current.require()).stream().map(Views.Choice::of).toList();
    }

    @GetMapping("/mutes")
    List<Views.Choice> mutes() {
        return store.mutes(current.require()).stream().map(Views.Choice::of).toList();
    }

    @PostMapping(path = "/follows")
    ResponseEntity<Views.Choice> follow(HttpServletRequest request) {
        return choose(Choice.FOLLOW, bodies.read(request, ChoiceRequest.class));
    }

    @PostMapping(path = "/mutes")
    ResponseEntity<Views.Choice> mute(HttpServletRequest request) {
        return choose(Choice.MUTE, bodies.read(request, ChoiceRequest.class));
    }

    @DeleteMapping("/follows/{kind}/{target}")
    ResponseEntity<Void> unfollow(@PathVariable("kind") String kind, @PathVariable("target") String target) {
        choices.remove(current.require(), Choice.FOLLOW, interest(kind), target);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/mutes/{kind}/{target}")
    ResponseEntity<Void> unmute(@PathVariable("kind") String kind, @PathVariable("target") String target) {
        choices.remove(current.require(), Choice.MUTE, interest(kind), target);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<Views.Choice> choose(Choice choice, ChoiceRequest asked) {
        Interest kind = interest(asked.kind());
        Choices.Labelled done = choices.add(current.require(), choice, kind, asked.target())
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid",
                        Message.of(choice == Choice.FOLLOW ? "api.problem.detail.notFollowable" : "api.problem.detail.notMutable")));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Views.Choice(kind.stored(), done.target(), done.label(), clock.instant()));
    }

    private static Interest interest(String kind) {
        return Interest.parse(kind).orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid",
                Message.of("api.problem.detail.kind", String.valueOf(kind))));
    }

    @GetMapping("/saved")
    Views.Page<Views.Marked> saved(@RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "cursor", required = false) String cursor, HttpServletRequest request) {
        return marked("saved", store::saved, limit, cursor, request);
    }

    /** Saves an article (again: nothing changes); 404 when there is no such article. */
    @PutMapping("/saved/{articleId}")
    ResponseEntity<Void> save(@PathVariable("articleId") long articleId) {
        if (!store.save(current.require(), articleId)) throw ApiProblem.notFound("article", articleId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/saved/{articleId}")
    ResponseEntity<Void> unsave(@PathVariable("articleId") long articleId) {
        store.unsave(current.require(), articleId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/history")
    Views.Page<Views.Marked> history(@RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "cursor", required = false) String cursor, HttpServletRequest request) {
        return marked("history", store::history, limit, cursor, request);
    }

    @DeleteMapping("/history")
    ResponseEntity<Void> clearHistory() {
        store.clearHistory(current.require());
        return ResponseEntity.noContent().build();
    }

    /** Stories picked for the bearer, each with why, in their language ({@code Accept-Language}). */
    @GetMapping("/for-you")
    List<Views.Pick> forYou(@RequestParam(name = "limit", required = false) Integer limit, Locale locale, HttpServletRequest request) {
        String base = site.base(request);
        return forYou.picks(current.require(), Paging.size(limit)).stream()
                .map(p -> new Views.Pick(p.storyId(), Views.Article.of(p.lead(), base), p.publishers(), p.reports(), p.latest(),
                        messages.getMessage(p.reason().key(), p.reason().args().toArray(), locale)))
                .toList();
    }

    /** A page of the reader's saved articles or history: {@code read(reader, n)} gives the first n, newest first. */
    private Views.Page<Views.Marked> marked(String list, BiFunction<Long, Integer, List<PersonalStore.Marked>> read, Integer limit,
            String cursor, HttpServletRequest request) {
        long reader = current.require();
        Views.Page<PersonalStore.Marked> page = Paging.byPosition(cursor, list, Paging.size(limit), n -> read.apply(reader, n));
        String base = site.base(request);
        Map<Long, ArticleView> found = new HashMap<>();
        archive.findByIds(page.items().stream().map(PersonalStore.Marked::articleId).toList()).forEach(a -> found.put(a.id(), a));
        return new Views.Page<>(page.items().stream().filter(m -> found.containsKey(m.articleId()))
                .map(m -> new Views.Marked(Views.Article.of(found.get(m.articleId()), base), m.at())).toList(),
                page.nextCursor());
    }
}
