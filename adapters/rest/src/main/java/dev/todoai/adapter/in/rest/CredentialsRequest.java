package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.InvalidInputException;
import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.Password;
import java.util.Iterator;
import java.util.Set;

/** The body of register and log-in: {@code {"email": ..., "password": ...}}. */
record CredentialsRequest(Email email, String password) {
  private static final Set<String> FIELDS = Set.of("email", "password");

  /**
   * @param registering true to apply the password rules of a new account
   * @throws InvalidInputException naming every bad field
   */
  static CredentialsRequest parse(JsonNode body, boolean registering) {
    FieldErrors errors = new FieldErrors();
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        errors.add(name, "is not a known field");
      }
    }
    String emailText = string(body, "email", errors);
    Email email = emailText == null ? null : errors.attempt(() -> new Email(emailText));
    String password = string(body, "password", errors);
    if (password != null && registering) {
      errors.attempt(() -> new Password(password));
    }
    errors.throwIfAny();
    return new CredentialsRequest(email, password);
  }

  Password newPassword() {
    return new Password(password);
  }

  private static String string(JsonNode body, String field, FieldErrors errors) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      errors.add(field, "is required");
      return null;
    }
    if (!node.isTextual()) {
      errors.add(field, "must be a string");
      return null;
    }
    return node.textValue();
  }

  @Override
  public String toString() {
    return "CredentialsRequest[" + email + "]";
  }
}
