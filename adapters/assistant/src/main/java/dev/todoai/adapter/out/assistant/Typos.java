package dev.todoai.adapter.out.assistant;

import java.util.Map;

/**
 * Common misspellings and chat shorthand, read as the word meant ("tmrw" is "tomorrow"). Only the
 * reading changes: a title keeps the text as typed.
 */
final class Typos {
  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("tomorow", "tomorrow"),
          Map.entry("tommorow", "tomorrow"),
          Map.entry("tommorrow", "tomorrow"),
          Map.entry("tomorrrow", "tomorrow"),
          Map.entry("tomrrow", "tomorrow"),
          Map.entry("tmrw", "tomorrow"),
          Map.entry("tmr", "tomorrow"),
          Map.entry("tmw", "tomorrow"),
          Map.entry("2moro", "tomorrow"),
          Map.entry("tonite", "tonight"),
          Map.entry("2nite", "tonight"),
          Map.entry("mondy", "monday"),
          Map.entry("mondya", "monday"),
          Map.entry("tuseday", "tuesday"),
          Map.entry("tusday", "tuesday"),
          Map.entry("teusday", "tuesday"),
          Map.entry("tuesady", "tuesday"),
          Map.entry("wednsday", "wednesday"),
          Map.entry("wensday", "wednesday"),
          Map.entry("wedensday", "wednesday"),
          Map.entry("wednessday", "wednesday"),
          Map.entry("wendsday", "wednesday"),
          Map.entry("wedsday", "wednesday"),
          Map.entry("thurday", "thursday"),
          Map.entry("thrusday", "thursday"),
          Map.entry("thursay", "thursday"),
          Map.entry("thurdsay", "thursday"),
          Map.entry("firday", "friday"),
          Map.entry("fridy", "friday"),
          Map.entry("friady", "friday"),
          Map.entry("saterday", "saturday"),
          Map.entry("saturady", "saturday"),
          Map.entry("satruday", "saturday"),
          Map.entry("sundya", "sunday"),
          Map.entry("sundy", "sunday"),
          Map.entry("remnd", "remind"),
          Map.entry("remid", "remind"),
          Map.entry("remidn", "remind"),
          Map.entry("rmind", "remind"),
          Map.entry("reimnd", "remind"),
          Map.entry("remider", "reminder"),
          Map.entry("reminer", "reminder"),
          Map.entry("remnder", "reminder"),
          Map.entry("reminde", "reminder"),
          Map.entry("teh", "the"),
          Map.entry("abt", "about"),
          Map.entry("u", "you"),
          Map.entry("ur", "your"),
          Map.entry("pls", "please"),
          Map.entry("plz", "please"),
          Map.entry("pleas", "please"),
          Map.entry("thx", "thanks"),
          Map.entry("whats", "what's"),
          Map.entry("wats", "what's"),
          Map.entry("wat", "what"),
          Map.entry("dont", "don't"),
          Map.entry("doesnt", "doesn't"),
          Map.entry("isnt", "isn't"),
          Map.entry("didnt", "didn't"),
          Map.entry("cant", "can't"),
          Map.entry("wont", "won't"),
          Map.entry("im", "i'm"),
          Map.entry("ive", "i've"),
          Map.entry("its", "it's"),
          Map.entry("nxt", "next"),
          Map.entry("prio", "priority"),
          Map.entry("priorty", "priority"),
          Map.entry("prioirty", "priority"),
          Map.entry("complet", "complete"),
          Map.entry("delte", "delete"),
          Map.entry("dlete", "delete"),
          Map.entry("deleet", "delete"));

  private Typos() {}

  /** The word meant by {@code lower} (already lower case), or {@code lower} itself. */
  static String meant(String lower) {
    String w = lower.replace('’', '\'');
    return WORDS.getOrDefault(w, w);
  }
}
