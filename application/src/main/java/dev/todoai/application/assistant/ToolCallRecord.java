package dev.todoai.application.assistant;

import java.util.Map;

/** A tool call an assistant made while answering, with its arguments and result. */
public record ToolCallRecord(String tool, Map<String, Object> arguments, ToolResult result) {}
