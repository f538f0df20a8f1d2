package com.carloan.overdue.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ownership fill's workers never hold two batches of one team, so none waits on another's team lock. */
class TeamDispatchTest {

  record Item(String team, int n) {
  }

  @Test
  void skipsABusyTeamAndWaitsWhenOnlyItIsLeft() throws Exception {
    CaseTopUp.TeamDispatch<Item> dispatch = new CaseTopUp.TeamDispatch<>(
        List.of(new Item("m1", 1), new Item("m1", 2), new Item("m2", 3)), Item::team);

    Item first = dispatch.take();
    Item second = dispatch.take();
    assertThat(first).isEqualTo(new Item("m1", 1));
    assertThat(second).isEqualTo(new Item("m2", 3));

    CompletableFuture<Item> third = CompletableFuture.supplyAsync(() -> {
      try {
        return dispatch.take();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    TimeUnit.MILLISECONDS.sleep(200);
    assertThat(third).isNotDone();

    dispatch.done(second);
    TimeUnit.MILLISECONDS.sleep(100);
    assertThat(third).as("m2's end frees nothing for m1").isNotDone();

    dispatch.done(first);
    assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo(new Item("m1", 2));
    dispatch.done(third.get());
    assertThat(dispatch.take()).isNull();
  }
}
