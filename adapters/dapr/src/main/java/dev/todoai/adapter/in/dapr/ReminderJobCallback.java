package dev.todoai.adapter.in.dapr;

import dev.todoai.application.port.in.FireReminderUseCase;
import dev.todoai.domain.reminder.ReminderId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sidecar calls {@code POST /job/reminder-<id>} when a reminder's job is due. Firing is
 * idempotent, so every outcome — sent, already settled, not found — is a 200 (the job is done);
 * only a failure (e.g. the database is unreachable) answers 500, and the scheduler tries again.
 */
@Controller("/job")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "todo.transport", value = "dapr")
final class ReminderJobCallback {
  static final String PREFIX = "reminder-";
  private static final Logger LOG = LoggerFactory.getLogger(ReminderJobCallback.class);

  private final FireReminderUseCase fire;

  ReminderJobCallback(FireReminderUseCase fire) {
    this.fire = fire;
  }

  @Post("/{name}")
  @Consumes(MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<String> due(@PathVariable String name) {
    ReminderId id;
    try {
      if (!name.startsWith(PREFIX)) {
        throw new IllegalArgumentException("not a reminder job");
      }
      id = new ReminderId(Long.parseLong(name.substring(PREFIX.length())));
    } catch (RuntimeException e) {
      LOG.warn("job '{}' is not a reminder; ignored", name);
      return HttpResponse.ok();
    }
    FireReminderUseCase.FireOutcome outcome = fire.fire(id);
    LOG.debug("reminder {} fired by its job: {}", id, outcome);
    return HttpResponse.ok();
  }
}
