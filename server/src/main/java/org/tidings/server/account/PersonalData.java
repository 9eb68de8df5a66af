package org.tidings.server.account;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reader's data kept by another part of Tidings, exported and erased with the account. Rows
 * others rely on (a comment with replies) stay: they read the account's {@code deleted_at}.
 */
public interface PersonalData {

    /** The key of this part in the export's JSON. */
    String name();

    /** Plain maps, lists, strings and numbers. */
    Object export(long accountId);

    /** Forgets this reader's data, inside the deletion's transaction. */
    void erase(long accountId);

    /** One JSON object of the export, its keys in the order given: {@code row("kind", "topic", "target", "climate")}. */
    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return row;
    }
}
