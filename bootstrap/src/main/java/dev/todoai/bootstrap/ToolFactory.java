package dev.todoai.bootstrap;

import dev.todoai.application.port.in.AddTaskUseCase;
import dev.todoai.application.port.in.CompleteTaskUseCase;
import dev.todoai.application.port.in.DeleteReminderUseCase;
import dev.todoai.application.port.in.DeleteTaskUseCase;
import dev.todoai.application.port.in.DescribeRecurrenceQuery;
import dev.todoai.application.port.in.ExecuteToolUseCase;
import dev.todoai.application.port.in.GetTaskQuery;
import dev.todoai.application.port.in.ListRemindersQuery;
import dev.todoai.application.port.in.ListTasksQuery;
import dev.todoai.application.port.in.SetReminderUseCase;
import dev.todoai.application.port.in.UpdateTaskUseCase;
import dev.todoai.application.tools.TaskToolsService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The task tools (what MCP clients and the assistant act through), on the task use cases. */
@Factory
class ToolFactory {

  @Singleton
  ExecuteToolUseCase taskTools(
      AddTaskUseCase addTask,
      GetTaskQuery getTask,
      ListTasksQuery listTasks,
      UpdateTaskUseCase updateTask,
      CompleteTaskUseCase completeTask,
      DeleteTaskUseCase deleteTask,
      SetReminderUseCase setReminder,
      ListRemindersQuery listReminders,
      DeleteReminderUseCase deleteReminder,
      DescribeRecurrenceQuery describeRecurrence) {
    return new TaskToolsService(
        addTask,
        getTask,
        listTasks,
        updateTask,
        completeTask,
        deleteTask,
        setReminder,
        listReminders,
        deleteReminder,
        describeRecurrence);
  }
}
