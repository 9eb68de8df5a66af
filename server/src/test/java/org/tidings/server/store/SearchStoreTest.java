package org.tidings.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.TestDatabase;

/** Which sources a search leaves out, for whom: read from the database at each search. */
@OnEachDatabase
class SearchStoreTest {

    @Parameter
    TestDatabase db;

    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));

    @Test
    void aSearchLeavesOutDisabledSourcesAndPrivateFeedsButThoseTheReaderSubscribesTo() {
        DataSource ds = db.migrated();
        JdbcClient jdbc = JdbcClient.create(ds);
        SourceStore sources = new SourceStore(jdbc, clock);
        SubscriptionStore subscriptions = new SubscriptionStore(jdbc, clock);
        AccountStore accounts = new AccountStore(jdbc, clock);
        SearchStore search = new SearchStore(jdbc);
        long edition = sources.add(Fixtures.source("https://edition.test/feed", "Edition"), INTERVAL).id();
        long disabled = sources.add(Fixtures.source("https://disabled.test/feed", "Disabled"), INTERVAL).id();
        jdbc.sql("UPDATE source SET enabled = FALSE WHERE id = :id").param("id", disabled).update();
        long harbour = sources.addPrivate(Fixtures.source("https://harbour.test/feed", "Harbour"), INTERVAL).id();
        long market = sources.addPrivate(Fixtures.source("https://market.test/feed", "Market"), INTERVAL).id();
        long amina = account(accounts, "amina@example.org"), omar = account(accounts, "omar@example.org");
        long nadia = account(accounts, "nadia@example.org");
        subscriptions.subscribe(amina, harbour, null, null);
        subscriptions.subscribe(amina, disabled, null, null);
        subscriptions.subscribe(omar, market, null, null);
        subscriptions.subscribe(omar, edition, null, null);

        assertThat(search.disabledSourceIds()).containsExactlyInAnyOrder(disabled, harbour, market);
        assertThat(search.hiddenSourceIds(OptionalLong.empty())).as("not signed in").containsExactlyInAnyOrder(disabled, harbour, market);
        assertThat(search.hiddenSourceIds(nadia)).as("no subscriptions").containsExactlyInAnyOrder(disabled, harbour, market);
        assertThat(search.hiddenSourceIds(OptionalLong.of(amina))).as("what her own feeds show, she finds").containsExactly(market);
        assertThat(search.hiddenSourceIds(omar)).containsExactlyInAnyOrder(disabled, harbour);

        sources.publish(harbour);
        assertThat(search.hiddenSourceIds(nadia)).as("published").containsExactlyInAnyOrder(disabled, market);
        subscriptions.unsubscribe(omar, market);
        assertThat(search.hiddenSourceIds(omar)).as("unsubscribed").containsExactlyInAnyOrder(disabled, market);
    }

    private static long account(AccountStore accounts, String email) {
        accounts.create(email, "not a hash", "READER");
        return accounts.findByUsername(email).orElseThrow().id();
    }
}
