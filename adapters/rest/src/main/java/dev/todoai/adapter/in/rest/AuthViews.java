package dev.todoai.adapter.in.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The bodies of registration and log-in. */
final class AuthViews {
  private AuthViews() {}

  /** The request of register and log-in. */
  @Serdeable
  @Schema(name = "Credentials", description = "An e-mail address and a password.")
  record Credentials(
      @Schema(requiredMode = REQUIRED, format = "email") String email,
      @Schema(
              requiredMode = REQUIRED,
              description = "At least 8 characters when registering.",
              format = "password")
          String password) {
    @Override
    public String toString() {
      return "Credentials[" + email + "]";
    }
  }

  /** The answer of register and log-in. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @Schema(name = "AccessToken", description = "A bearer token for the API.")
  record AccessTokenView(
      @Schema(requiredMode = REQUIRED, description = "The user's id: the {userId} of the paths.")
          String userId,
      @Schema(requiredMode = REQUIRED, description = "Send as Authorization: Bearer <token>.")
          String token,
      @Schema(requiredMode = REQUIRED, format = "date-time") String expiresAt) {}
}
