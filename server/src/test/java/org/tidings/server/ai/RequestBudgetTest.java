package org.tidings.server.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {

    private long now = 0;

    @Test
    void aBurstUpToTheLimitThenOneRequestPerShareOfTheMinute() {
        RequestBudget budget = new RequestBudget(3, () -> now);
        assertThat(budget.tryTake()).isTrue();
        assertThat(budget.tryTake()).isTrue();
        assertThat(budget.tryTake()).isTrue();
        assertThat(budget.tryTake()).isFalse();

        now += TimeUnit.SECONDS.toNanos(19);
        assertThat(budget.tryTake()).as("a third of a minute not yet passed").isFalse();
        now += TimeUnit.SECONDS.toNanos(1);
        assertThat(budget.tryTake()).isTrue();
        assertThat(budget.tryTake()).isFalse();

        now += TimeUnit.HOURS.toNanos(1);
        for (int i = 0; i < 3; i++) assertThat(budget.tryTake()).isTrue();
        assertThat(budget.tryTake()).as("an idle hour saves no more than the limit").isFalse();
    }

    @Test
    void aLimitOfZeroSendsNothing() {
        RequestBudget budget = new RequestBudget(0, () -> now);
        now += TimeUnit.HOURS.toNanos(1);
        assertThat(budget.tryTake()).isFalse();
    }
}
