package org.tidings.server.account;

/**
 * Data of a reader kept by another part of Tidings (follows, saved articles, history, ...): it is
 * part of the reader's export, and erased when the reader deletes the account. Rows others rely on
 * (a comment that has replies) are not erased: they read the account's {@code deleted_at}.
 */
public interface PersonalData {

    /** The name of this part in the export's JSON. */
    String name();

    /** This reader's data, as plain maps, lists, strings and numbers for the JSON export. */
    Object export(long accountId);

    /** Forgets this reader's data, inside the deletion's transaction. */
    void erase(long accountId);
}
