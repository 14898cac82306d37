package dev.todoai.adapter.in.rest;

import dev.todoai.application.port.in.AddTaskUseCase;
import dev.todoai.application.port.in.CompleteTaskUseCase;
import dev.todoai.application.port.in.DeleteTaskUseCase;
import dev.todoai.application.port.in.GetTaskQuery;
import dev.todoai.application.port.in.ListTasksQuery;
import dev.todoai.application.port.in.LogInUseCase;
import dev.todoai.application.port.in.RegisterUserUseCase;
import dev.todoai.application.port.in.UpdateTaskUseCase;
import dev.todoai.application.port.out.PasswordHasherPort;
import dev.todoai.application.service.AddTaskService;
import dev.todoai.application.service.CompleteTaskService;
import dev.todoai.application.service.DeleteTaskService;
import dev.todoai.application.service.GetTaskService;
import dev.todoai.application.service.ListTasksService;
import dev.todoai.application.service.LogInService;
import dev.todoai.application.service.RegisterUserService;
import dev.todoai.application.service.UpdateTaskService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Test wiring: the real use cases over {@link InMemoryAdapters} (what bootstrap does for real). */
@Factory
class InMemoryWiring {
  private final InMemoryAdapters store = new InMemoryAdapters();

  @Singleton
  AddTaskUseCase addTask() {
    return new AddTaskService(store, store, store, store, store);
  }

  @Singleton
  GetTaskQuery getTask() {
    return new GetTaskService(store);
  }

  @Singleton
  ListTasksQuery listTasks() {
    return new ListTasksService(store, store);
  }

  @Singleton
  UpdateTaskUseCase updateTask() {
    return new UpdateTaskService(store, store, store, store);
  }

  @Singleton
  CompleteTaskUseCase completeTask() {
    return new CompleteTaskService(store, store, store, store);
  }

  @Singleton
  DeleteTaskUseCase deleteTask() {
    return new DeleteTaskService(store, store, store, store);
  }

  @Singleton
  RegisterUserUseCase registerUser(PasswordHasherPort hasher) {
    return new RegisterUserService(store, store, hasher);
  }

  @Singleton
  LogInUseCase logIn(PasswordHasherPort hasher) {
    return new LogInService(store, store, hasher, store);
  }
}
