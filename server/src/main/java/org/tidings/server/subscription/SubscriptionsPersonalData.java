package org.tidings.server.subscription;

import org.springframework.stereotype.Component;
import org.tidings.server.account.PersonalData;
import org.tidings.server.store.SubscriptionStore;

/** A reader's subscriptions in their export (the feeds, by address, title and label), and their erasure with read marks. */
@Component
record SubscriptionsPersonalData(SubscriptionStore store) implements PersonalData {

    @Override
    public String name() {
        return "subscriptions";
    }

    @Override
    public Object export(long accountId) {
        return store.subscriptions(accountId).stream().map(s -> PersonalData.row("feedUrl", s.feedUrl(), "title", s.title(),
                "label", s.label(), "subscribedAt", String.valueOf(s.createdAt()))).toList();
    }

    @Override
    public void erase(long accountId) {
        store.eraseAll(accountId);
    }
}
