package dev.todoai.adapter.out.dapr;

import dev.todoai.application.port.out.ScheduleReminderPort;
import dev.todoai.domain.reminder.ReminderId;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.DeleteJobRequest;
import io.dapr.client.domain.ScheduleJobRequest;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminders as Dapr jobs (the scheduler service): one job {@code reminder-<id>} per reminder, due
 * at the reminder's instant, replaced when scheduled again. The sidecar calls {@code POST
 * /job/reminder-<id>} when it is due (at least once, never early). Scheduling happens after the
 * reminder's transaction committed: a failure is retried in the background (and every start of the
 * backend re-arms all pending reminders), never surfaced to the request that changed the reminder.
 */
@Singleton
@Requires(property = "todo.transport", value = "dapr")
final class DaprReminderScheduler implements ScheduleReminderPort {
  static final String JOB_PREFIX = "reminder-";
  private static final Logger LOG = LoggerFactory.getLogger(DaprReminderScheduler.class);
  private static final int MAX_ATTEMPTS = 8;

  private final DaprClient dapr;
  private final Duration timeout;
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "dapr-job-retry");
            t.setDaemon(true);
            return t;
          });

  DaprReminderScheduler(DaprClient dapr, @Value("${todo.dapr.job-timeout:5s}") Duration timeout) {
    this.dapr = dapr;
    this.timeout = timeout;
  }

  /** The job of a reminder. */
  static String jobName(ReminderId id) {
    return JOB_PREFIX + id.value();
  }

  @Override
  public void schedule(ReminderId id, Instant at) {
    attempt(id, at, 1);
  }

  private void attempt(ReminderId id, Instant at, int attempt) {
    ScheduleJobRequest request =
        new ScheduleJobRequest(jobName(id), at)
            .setOverwrite(true)
            .setData(Long.toString(id.value()).getBytes(StandardCharsets.UTF_8));
    try {
      dapr.scheduleJob(request).block(timeout);
    } catch (RuntimeException e) {
      if (attempt >= MAX_ATTEMPTS) {
        LOG.error(
            "reminder {}: could not schedule its job; it is re-armed at the next start", id, e);
        return;
      }
      long delay = Math.min(30_000, 500L << Math.min(attempt, 10));
      LOG.warn("reminder {}: scheduling its job failed (attempt {}), retrying", id, attempt, e);
      retries.schedule(() -> attempt(id, at, attempt + 1), delay, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void cancel(ReminderId id) {
    try {
      dapr.deleteJob(new DeleteJobRequest(jobName(id))).block(timeout);
    } catch (RuntimeException e) {
      // Usually "not found" (it fired already); otherwise the job fires and the use case ignores
      // it.
      LOG.debug("reminder {}: job not deleted: {}", id, e.getMessage());
    }
  }

  @PreDestroy
  void stop() {
    retries.shutdownNow();
  }
}
