package org.tidings.server.personal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tidings.server.account.PersonalData;
import org.tidings.server.store.PersonalStore;

/** Follows, mutes, saved articles and reading history in the reader's export, and erased with the account. */
@Component
class PersonalExport implements PersonalData {

    /** Saved and read articles exported at most: years of reading, and a bound on the file. */
    static final int MAX_ROWS = 100_000;

    private final PersonalStore store;

    PersonalExport(PersonalStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "personal";
    }

    @Override
    public Object export(long accountId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("follows", entries(store.follows(accountId)));
        data.put("mutes", entries(store.mutes(accountId)));
        data.put("saved", marked(store.saved(accountId, MAX_ROWS)));
        data.put("history", marked(store.history(accountId, MAX_ROWS)));
        return data;
    }

    @Override
    public void erase(long accountId) {
        store.erase(accountId);
    }

    private static List<Map<String, Object>> entries(List<PersonalStore.Entry> entries) {
        return entries.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", e.kind().stored());
            m.put("target", e.target());
            m.put("label", e.label());
            m.put("since", String.valueOf(e.at()));
            return m;
        }).toList();
    }

    private static List<Map<String, Object>> marked(List<PersonalStore.Marked> marked) {
        return marked.stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("articleId", m.articleId());
            row.put("at", String.valueOf(m.at()));
            return row;
        }).toList();
    }
}
