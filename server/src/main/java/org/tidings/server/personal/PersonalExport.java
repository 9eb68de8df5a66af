package org.tidings.server.personal;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tidings.server.account.PersonalData;
import org.tidings.server.store.PersonalStore;

/** Follows, mutes, saved articles and reading history in the reader's export, and erased with the account. */
@Component
record PersonalExport(PersonalStore store) implements PersonalData {

    /** Saved and read articles exported at most: years of reading, and a bound on the file. */
    static final int MAX_ROWS = 100_000;

    @Override
    public String name() {
        return "personal";
    }

    @Override
    public Object export(long accountId) {
        return PersonalData.row("follows", entries(store.follows(accountId)), "mutes", entries(store.mutes(accountId)),
                "saved", marked(store.saved(accountId, MAX_ROWS)), "history", marked(store.history(accountId, MAX_ROWS)));
    }

    @Override
    public void erase(long accountId) {
        store.erase(accountId);
    }

    private static List<Map<String, Object>> entries(List<PersonalStore.Entry> entries) {
        return entries.stream().map(e -> PersonalData.row("kind", e.kind().stored(), "target", e.target(), "label", e.label(),
                "since", String.valueOf(e.at()))).toList();
    }

    private static List<Map<String, Object>> marked(List<PersonalStore.Marked> marked) {
        return marked.stream().map(m -> PersonalData.row("articleId", m.articleId(), "at", String.valueOf(m.at()))).toList();
    }
}
