package dev.todoai.adapter.out.password;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import dev.todoai.application.port.out.PasswordStrengthPort;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * zxcvbn4j's estimate (dictionaries of common passwords, names and words, keyboard patterns,
 * sequences, dates, l33t) of how many guesses a password takes, as a score from 0 to 4. Scores
 * below {@code todo.auth.min-password-score} (default 3: "safely unguessable" for an online attack)
 * are refused with the estimator's warning and suggestions.
 */
@Singleton
final class ZxcvbnPasswordStrength implements PasswordStrengthPort {
  static final String MIN_SCORE_PROPERTY = "todo.auth.min-password-score";

  private final Zxcvbn zxcvbn = new Zxcvbn();
  private final int minScore;

  @Inject
  ZxcvbnPasswordStrength(@Value("${" + MIN_SCORE_PROPERTY + ":3}") int minScore) {
    if (minScore < 0 || minScore > 4) {
      throw new ConfigurationException(MIN_SCORE_PROPERTY + " must be from 0 to 4");
    }
    this.minScore = minScore;
  }

  @Override
  public Optional<String> weakness(String password, List<String> related) {
    Strength strength = zxcvbn.measure(password, related);
    if (strength.getScore() >= minScore) {
      return Optional.empty();
    }
    Feedback feedback = strength.getFeedback();
    List<String> parts = new ArrayList<>();
    String warning = feedback.getWarning(Locale.ENGLISH);
    if (warning != null && !warning.isBlank()) {
      parts.add(warning);
    }
    parts.addAll(feedback.getSuggestions(Locale.ENGLISH));
    return Optional.of(
        "is too easy to guess (strength "
            + strength.getScore()
            + " of 4, at least "
            + minScore
            + " needed)"
            + (parts.isEmpty() ? "" : ": " + String.join(" ", parts)));
  }
}
