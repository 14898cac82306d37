package dev.todoai.bootstrap;

import dev.todoai.application.port.in.AddTaskUseCase;
import dev.todoai.application.port.in.CompleteTaskUseCase;
import dev.todoai.application.port.in.DeleteTaskUseCase;
import dev.todoai.application.port.in.GetTaskQuery;
import dev.todoai.application.port.in.ListTasksQuery;
import dev.todoai.application.port.in.LogInUseCase;
import dev.todoai.application.port.in.PatchTaskUseCase;
import dev.todoai.application.port.in.RegisterUserUseCase;
import dev.todoai.application.port.in.UpdateTaskUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.IdempotencyKeysPort;
import dev.todoai.application.port.out.LoadTaskPort;
import dev.todoai.application.port.out.LoginAttemptsPort;
import dev.todoai.application.port.out.PasswordHasherPort;
import dev.todoai.application.port.out.PasswordStrengthPort;
import dev.todoai.application.port.out.QueryTasksPort;
import dev.todoai.application.port.out.RecurrencePort;
import dev.todoai.application.port.out.SaveTaskPort;
import dev.todoai.application.port.out.SignUpAttemptsPort;
import dev.todoai.application.port.out.TransactionPort;
import dev.todoai.application.port.out.UserAccountsPort;
import dev.todoai.application.service.AddTaskService;
import dev.todoai.application.service.CompleteTaskService;
import dev.todoai.application.service.DeleteTaskService;
import dev.todoai.application.service.GetTaskService;
import dev.todoai.application.service.ListTasksService;
import dev.todoai.application.service.LogInService;
import dev.todoai.application.service.PatchTaskService;
import dev.todoai.application.service.RegisterUserService;
import dev.todoai.application.service.ReminderSync;
import dev.todoai.application.service.TaskEventRecorder;
import dev.todoai.application.service.UpdateTaskService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The composition root of the use cases: the application module is framework-free, so its services
 * become beans here, each bound to the adapters that implement its out-ports.
 */
@Factory
class UseCaseFactory {

  @Singleton
  AddTaskUseCase addTask(
      ClockPort clock,
      TransactionPort transactions,
      SaveTaskPort saveTask,
      LoadTaskPort loadTask,
      IdempotencyKeysPort idempotencyKeys,
      TaskEventRecorder events,
      ReminderSync reminders,
      RecurrencePort recurrence) {
    return new AddTaskService(
        clock, transactions, saveTask, loadTask, idempotencyKeys, events, reminders, recurrence);
  }

  @Singleton
  GetTaskQuery getTask(LoadTaskPort loadTask) {
    return new GetTaskService(loadTask);
  }

  @Singleton
  ListTasksQuery listTasks(QueryTasksPort queryTasks, ClockPort clock) {
    return new ListTasksService(queryTasks, clock);
  }

  @Singleton
  UpdateTaskUseCase updateTask(
      ClockPort clock,
      TransactionPort transactions,
      LoadTaskPort loadTask,
      SaveTaskPort saveTask,
      TaskEventRecorder events,
      ReminderSync reminders,
      RecurrencePort recurrence) {
    return new UpdateTaskService(
        clock, transactions, loadTask, saveTask, events, reminders, recurrence);
  }

  @Singleton
  PatchTaskUseCase patchTask(
      ClockPort clock,
      TransactionPort transactions,
      LoadTaskPort loadTask,
      SaveTaskPort saveTask,
      TaskEventRecorder events,
      ReminderSync reminders,
      RecurrencePort recurrence) {
    return new PatchTaskService(
        clock, transactions, loadTask, saveTask, events, reminders, recurrence);
  }

  @Singleton
  CompleteTaskUseCase completeTask(
      ClockPort clock,
      TransactionPort transactions,
      LoadTaskPort loadTask,
      SaveTaskPort saveTask,
      TaskEventRecorder events,
      ReminderSync reminders) {
    return new CompleteTaskService(clock, transactions, loadTask, saveTask, events, reminders);
  }

  @Singleton
  DeleteTaskUseCase deleteTask(
      ClockPort clock,
      TransactionPort transactions,
      LoadTaskPort loadTask,
      SaveTaskPort saveTask,
      TaskEventRecorder events,
      ReminderSync reminders) {
    return new DeleteTaskService(clock, transactions, loadTask, saveTask, events, reminders);
  }

  @Singleton
  RegisterUserUseCase registerUser(
      ClockPort clock,
      UserAccountsPort accounts,
      PasswordHasherPort hasher,
      PasswordStrengthPort strength,
      SignUpAttemptsPort signUps,
      @Value("${todo.auth.sign-ups-per-client:" + RegisterUserService.DEFAULT_MAX_PER_CLIENT + "}")
          int signUpsPerClient,
      @Value("${todo.auth.sign-up-window:1h}") Duration signUpWindow) {
    return new RegisterUserService(
        clock, accounts, hasher, strength, signUps, signUpsPerClient, signUpWindow);
  }

  @Singleton
  LogInUseCase logIn(
      ClockPort clock,
      UserAccountsPort accounts,
      PasswordHasherPort hasher,
      LoginAttemptsPort attempts) {
    return new LogInService(clock, accounts, hasher, attempts);
  }
}
