package org.tidings.server.comment;

import org.springframework.stereotype.Component;
import org.tidings.server.account.PersonalData;
import org.tidings.server.store.CommentStore;

/** A reader's comments, likes and reports in their export, and what deleting the account does to them. */
@Component
record CommentsPersonalData(CommentStore store) implements PersonalData {

    @Override
    public String name() {
        return "comments";
    }

    @Override
    public Object export(long accountId) {
        return store.exportOf(accountId);
    }

    @Override
    public void erase(long accountId) {
        store.eraseAuthor(accountId);
    }
}
