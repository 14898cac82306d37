// Drives the Todo AI MCP endpoint with the official MCP TypeScript SDK client.
// Usage: node client-test.mjs <baseUrl> <token> <otherToken> <userId> <otherUserId>
// Prints one JSON report on stdout ({ok, checks: [...], ids...}); exits 0 when every check passed.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [baseUrl, token, otherToken, userId, otherUserId] = process.argv.slice(2);
if (!baseUrl || !token || !otherToken || !userId || !otherUserId) {
  console.error("usage: node client-test.mjs <baseUrl> <token> <otherToken> <userId> <otherUserId>");
  process.exit(2);
}
const endpoint = new URL("/mcp", baseUrl);
const EXPECTED_TOOLS = [
  "add_task", "list_tasks", "get_task", "update_task", "complete_task", "delete_task",
  "search_tasks", "set_reminder", "list_reminders", "delete_reminder",
];

const report = { ok: true, checks: [] };
function check(name, ok, detail) {
  report.checks.push({ name, ok: Boolean(ok), detail: detail === undefined ? null : detail });
  if (!ok) report.ok = false;
}

async function connect(bearer) {
  const client = new Client({ name: "todo-ai-mcp-client-test", version: "0.1.0" });
  const transport = new StreamableHTTPClientTransport(endpoint, {
    requestInit: { headers: { Authorization: `Bearer ${bearer}` } },
  });
  await client.connect(transport);
  return client;
}

/** Calls a tool; returns {isError, data (parsed JSON or message text), structured, text}. */
async function call(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  const text = (result.content ?? []).filter((c) => c.type === "text").map((c) => c.text).join("");
  let data = text;
  if (!result.isError) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  return { isError: Boolean(result.isError), data, structured: result.structuredContent ?? null, text };
}

async function rawPost(headers) {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...headers },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: {
        protocolVersion: "2025-06-18",
        capabilities: {},
        clientInfo: { name: "raw", version: "0" },
      },
    }),
  });
  await response.text();
  return response.status;
}

async function main() {
  // Refused without a valid token: plain HTTP 401, before any MCP handling.
  const noToken = await rawPost({});
  check("no token is refused with 401", noToken === 401, { status: noToken });
  const badToken = await rawPost({ Authorization: "Bearer not-a-jwt" });
  check("a bad token is refused with 401", badToken === 401, { status: badToken });
  let sdkRefused = false;
  try {
    const anonymous = new Client({ name: "anonymous", version: "0" });
    await anonymous.connect(new StreamableHTTPClientTransport(endpoint));
    await anonymous.close();
  } catch (e) {
    sdkRefused = true;
  }
  check("the SDK client cannot connect without a token", sdkRefused);

  const client = await connect(token);
  const server = client.getServerVersion();
  check("initialize returns server info", server && typeof server.name === "string", server);
  check("the server offers tools", Boolean(client.getServerCapabilities()?.tools), client.getServerCapabilities());

  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name).sort();
  report.tools = names;
  check("all ten tools are listed", JSON.stringify(names) === JSON.stringify([...EXPECTED_TOOLS].sort()), names);
  for (const tool of tools) {
    const schema = tool.inputSchema ?? {};
    check(`${tool.name} has an object input schema with a description`,
      schema.type === "object" && schema.properties && typeof tool.description === "string" &&
        tool.description.length > 0 && "user_id" in schema.properties,
      schema);
  }
  const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
  const addSchema = byName.add_task?.inputSchema ?? {};
  check("add_task requires a title and enumerates priorities",
    JSON.stringify(addSchema.required) === JSON.stringify(["title"]) &&
      JSON.stringify(addSchema.properties?.priority?.enum) ===
        JSON.stringify(["none", "low", "medium", "high", "urgent"]),
    addSchema);
  check("add_task enumerates recurrence presets and anchors",
    JSON.stringify(addSchema.properties?.recurrence?.enum) ===
      JSON.stringify(["daily", "weekdays", "weekly", "monthly", "yearly"]) &&
      JSON.stringify(addSchema.properties?.recurrence_anchor?.enum) === JSON.stringify(["due", "completion"]),
    addSchema.properties);
  const listSchema = byName.list_tasks?.inputSchema?.properties ?? {};
  check("list_tasks enumerates status, tag_mode, sort_by and sort_order",
    JSON.stringify(listSchema.status?.enum) === JSON.stringify(["all", "pending", "completed"]) &&
      JSON.stringify(listSchema.tag_mode?.enum) === JSON.stringify(["all", "any"]) &&
      listSchema.sort_by?.enum?.includes("due") &&
      JSON.stringify(listSchema.sort_order?.enum) === JSON.stringify(["asc", "desc"]),
    listSchema);
  check("get_task takes an integer task_id",
    byName.get_task?.inputSchema?.properties?.task_id?.type === "integer" &&
      JSON.stringify(byName.get_task?.inputSchema?.required) === JSON.stringify(["task_id"]),
    byName.get_task?.inputSchema);

  // add_task
  const added = await call(client, "add_task", {
    title: "Buy milk via MCP",
    priority: "high",
    tags: ["Errands"],
    due_date: "2030-01-15",
    time_zone: "Europe/Berlin",
    reminders: [{ before_due: "PT1H" }],
  });
  const task = added.data;
  report.taskId = task?.id ?? null;
  check("add_task creates the task", !added.isError && typeof task.id === "number" &&
    task.title === "Buy milk via MCP" && task.user_id === userId && task.priority === "high" &&
    JSON.stringify(task.tags) === JSON.stringify(["errands"]) && task.due_date === "2030-01-15" &&
    task.due_at === null && task.version === 1, added);
  check("the result carries the same JSON as structured content (nulls and empty values kept)",
    JSON.stringify(added.structured) === JSON.stringify(task) && added.structured.due_at === null &&
      added.structured.description === "",
    { structured: added.structured, text: added.text });

  const got = await call(client, "get_task", { task_id: task.id });
  check("get_task returns it", !got.isError && got.data.id === task.id, got);

  const updated = await call(client, "update_task", {
    task_id: task.id,
    title: "Buy oat milk via MCP",
    due_at: "2030-01-15T17:00:00+01:00",
  });
  check("update_task changes only the given fields and due_at clears due_date", !updated.isError &&
    updated.data.title === "Buy oat milk via MCP" && updated.data.due_at === "2030-01-15T16:00:00Z" &&
    updated.data.due_date === null && updated.data.priority === "high" && updated.data.version === 2,
  updated);

  const listed = await call(client, "list_tasks", { status: "pending", priority: "high,urgent", sort_by: "due" });
  check("list_tasks lists it", !listed.isError && Array.isArray(listed.data.tasks) &&
    listed.data.tasks.some((t) => t.id === task.id) && "next_cursor" in listed.data, listed);

  const found = await call(client, "search_tasks", { query: "OAT MILK" });
  check("search_tasks finds it", !found.isError && found.data.tasks.length === 1 &&
    found.data.tasks[0].id === task.id, found);

  const reminder = await call(client, "set_reminder", { task_id: task.id, before_due: "P1D" });
  report.reminderId = reminder.data?.id ?? null;
  check("set_reminder adds a reminder", !reminder.isError && reminder.data.task_id === task.id &&
    reminder.data.before_due === "P1D" && reminder.data.remind_at === "2030-01-14T16:00:00Z" &&
    reminder.data.status === "scheduled", reminder);

  const reminders = await call(client, "list_reminders", { task_id: task.id });
  check("list_reminders lists both reminders", !reminders.isError && reminders.data.reminders.length === 2,
    reminders);
  const first = reminders.data.reminders?.find((r) => r.before_due === "PT1H");
  report.deletedReminderId = first?.id ?? null;
  const deletedReminder = await call(client, "delete_reminder", { task_id: task.id, reminder_id: first?.id });
  check("delete_reminder deletes one", !deletedReminder.isError && deletedReminder.data.deleted === true,
    deletedReminder);

  const completed = await call(client, "complete_task", { task_id: task.id });
  check("complete_task completes it", !completed.isError && completed.data.completed === true &&
    typeof completed.data.completed_at === "string", completed);

  const doomed = await call(client, "add_task", { title: "Delete me via MCP" });
  report.deletedTaskId = doomed.data?.id ?? null;
  const deleted = await call(client, "delete_task", { task_id: doomed.data?.id });
  check("delete_task deletes it", !deleted.isError && deleted.data.deleted === true &&
    deleted.data.task_id === doomed.data?.id, deleted);

  const kept = await call(client, "add_task", { title: "Keep me via MCP", user_id: userId, recurrence: "weekly",
    due_date: "2030-02-01" });
  report.keptTaskId = kept.data?.id ?? null;
  check("a user_id argument naming the caller is accepted", !kept.isError && kept.data.is_recurring === true &&
    kept.data.recurrence_rule === "FREQ=WEEKLY", kept);

  // Bad input: tool errors (isError), never protocol errors.
  const noTitle = await call(client, "add_task", { priority: "high" });
  check("add_task without a title is a tool error", noTitle.isError && noTitle.text === "title: is required",
    noTitle);
  const badPriority = await call(client, "update_task", { task_id: task.id, priority: "asap" });
  check("a bad enum value is a tool error",
    badPriority.isError && badPriority.text.startsWith("priority: must be one of"), badPriority);
  const missing = await call(client, "get_task", { task_id: 987654321 });
  check("an unknown task is a tool error", missing.isError && missing.text.startsWith("task_id: "), missing);
  const wrongType = await call(client, "get_task", { task_id: "twelve" });
  check("a wrongly typed argument is a tool error",
    wrongType.isError && wrongType.text === "task_id: must be a positive number", wrongType);

  // Another user's identity.
  const impostor = await call(client, "add_task", { title: "Not mine", user_id: otherUserId });
  check("a user_id of another user is refused", impostor.isError &&
    impostor.text.includes("user_id does not match the authenticated user"), impostor);
  const other = await connect(otherToken);
  const foreign = await call(other, "get_task", { task_id: task.id });
  check("another user's token does not see the task", foreign.isError && foreign.text.startsWith("task_id: "),
    foreign);
  const otherList = await call(other, "list_tasks", { status: "all" });
  check("another user's list is empty", !otherList.isError && otherList.data.tasks.length === 0, otherList);
  const borrowed = await call(other, "delete_task", { task_id: task.id, user_id: userId });
  check("another user cannot act as the owner through user_id", borrowed.isError &&
    borrowed.text.includes("user_id does not match the authenticated user"), borrowed);
  await other.close();
  await client.close();
}

try {
  await main();
} catch (e) {
  check("no unexpected failure", false, String(e && e.stack ? e.stack : e));
}
process.stdout.write(JSON.stringify(report) + "\n");
process.exit(report.ok ? 0 : 1);
