package dev.todoai.adapter.out.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todoai.application.port.out.RecurrencePort;
import io.micronaut.context.BeanContext;
import org.junit.jupiter.api.Test;

class RecurrenceBeanTest {
  @Test
  void micronautProvidesTheRecurrencePortAsASingleton() {
    try (BeanContext context = BeanContext.run()) {
      RecurrencePort port = context.getBean(RecurrencePort.class);
      assertThat(port).isInstanceOf(LibRecurRecurrence.class);
      assertThat(context.getBean(RecurrencePort.class)).isSameAs(port);
    }
  }
}
