package dev.todoai.adapter.contract.tools;

import java.util.Map;

/**
 * One task tool as a client sees it: its name, a title and description for a model, hints, and the
 * JSON Schema of its arguments (JSON-like maps and lists).
 *
 * @param readOnly the tool changes nothing
 * @param destructive the tool removes or overwrites something
 */
public record ToolDefinition(
    String name,
    String title,
    String description,
    boolean readOnly,
    boolean destructive,
    Map<String, Object> inputSchema) {}
