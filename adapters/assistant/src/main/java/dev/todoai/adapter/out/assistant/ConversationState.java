package dev.todoai.adapter.out.assistant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the assistant remembers of a conversation between turns (stored with it as JSON): the
 * task(s) last created or changed ({@code focus}), the tasks last listed or offered as choices
 * ({@code listed}), which of the two came last, a question awaiting its answer, and how to undo the
 * last change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
final class ConversationState {
  static final int VERSION = 1;
  private static final int MAX_REFS = 50;
  private static final int MAX_JSON = 60_000;
  private static final Logger LOG = LoggerFactory.getLogger(ConversationState.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** A task as the conversation knows it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Ref(long id, String title) {}

  /**
   * A question the assistant asked: which task ({@code clarify}, the candidates) or whether to go
   * ahead ({@code confirm}, the tasks it would change); the request is read again with the answer.
   *
   * @param at when the request was made (relative dates keep their meaning)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Pending(String kind, String message, String at, List<Ref> candidates) {
    static final String CLARIFY = "clarify";
    static final String CONFIRM = "confirm";
  }

  /** One tool call that reverts part of a change; {@code recreate} re-adds a deleted task. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Step(String tool, Map<String, Object> arguments, Boolean completeAfter) {}

  /** How to revert the last change, and what it was ("added “buy milk”"). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Undo(String summary, List<Step> steps) {}

  public int v = VERSION;
  public List<Ref> focus = new ArrayList<>();
  public List<Ref> listed = new ArrayList<>();

  /** "focus" or "listed": which one the conversation touched last. */
  public String recent;

  public Pending pending;
  public Undo undo;

  /** "created" while the focus is tasks added one after another ("both of them"). */
  public String action;

  static ConversationState parse(String json) {
    if (json == null || json.isBlank()) {
      return new ConversationState();
    }
    try {
      ConversationState s = JSON.readValue(json, ConversationState.class);
      if (s.focus == null) {
        s.focus = new ArrayList<>();
      }
      if (s.listed == null) {
        s.listed = new ArrayList<>();
      }
      return s;
    } catch (JsonProcessingException e) {
      LOG.warn("ignoring an unreadable assistant state: {}", e.getOriginalMessage());
      return new ConversationState();
    }
  }

  String toJson() {
    try {
      String json = JSON.writeValueAsString(this);
      if (json.length() > MAX_JSON) {
        undo = null;
        json = JSON.writeValueAsString(this);
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("assistant state cannot be written", e);
    }
  }

  void focusOn(List<Ref> refs) {
    focus = new ArrayList<>(refs.subList(0, Math.min(refs.size(), MAX_REFS)));
    recent = "focus";
    action = null;
  }

  /** A task just added: joins the tasks added right before it, if that was the last thing done. */
  void created(Ref ref) {
    if ("created".equals(action) && "focus".equals(recent) && focus.size() < 10) {
      List<Ref> all = new ArrayList<>(focus);
      all.add(ref);
      focus = all;
    } else {
      focus = new ArrayList<>(List.of(ref));
    }
    recent = "focus";
    action = "created";
  }

  void listed(List<Ref> refs) {
    listed = new ArrayList<>(refs.subList(0, Math.min(refs.size(), MAX_REFS)));
    recent = "listed";
    action = null;
  }

  boolean recentIsListing() {
    return "listed".equals(recent);
  }

  static Map<String, Object> args(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }
}
