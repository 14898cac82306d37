package dev.todoai.bootstrap;

import dev.todoai.adapter.contract.tools.TaskTools;
import dev.todoai.application.port.in.AddTaskUseCase;
import dev.todoai.application.port.in.CompleteTaskUseCase;
import dev.todoai.application.port.in.DeleteReminderUseCase;
import dev.todoai.application.port.in.DeleteTaskUseCase;
import dev.todoai.application.port.in.DescribeRecurrenceQuery;
import dev.todoai.application.port.in.GetTaskQuery;
import dev.todoai.application.port.in.ListRemindersQuery;
import dev.todoai.application.port.in.ListTasksQuery;
import dev.todoai.application.port.in.PatchTaskUseCase;
import dev.todoai.application.port.in.SetReminderUseCase;
import dev.todoai.application.port.out.TaskToolsPort;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The task tools (what MCP clients and the assistant act through): the contract's {@link TaskTools}
 * on the task use cases, as the {@link TaskToolsPort} of chat and MCP.
 */
@Factory
class ToolFactory {

  @Singleton
  TaskToolsPort taskTools(
      AddTaskUseCase addTask,
      GetTaskQuery getTask,
      ListTasksQuery listTasks,
      PatchTaskUseCase patchTask,
      CompleteTaskUseCase completeTask,
      DeleteTaskUseCase deleteTask,
      SetReminderUseCase setReminder,
      ListRemindersQuery listReminders,
      DeleteReminderUseCase deleteReminder,
      DescribeRecurrenceQuery describeRecurrence) {
    return new TaskTools(
        addTask,
        getTask,
        listTasks,
        patchTask,
        completeTask,
        deleteTask,
        setReminder,
        listReminders,
        deleteReminder,
        describeRecurrence);
  }
}
