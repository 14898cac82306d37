package dev.todoai.adapter.in.rest;

import dev.todoai.adapter.contract.ApiTime;
import dev.todoai.adapter.contract.FieldErrors;
import dev.todoai.adapter.contract.JsonInput;
import dev.todoai.adapter.in.rest.AccessTokenIssuer.AccessToken;
import dev.todoai.adapter.in.rest.AuthViews.AccessTokenView;
import dev.todoai.adapter.in.rest.AuthViews.Credentials;
import dev.todoai.application.port.in.LogInUseCase;
import dev.todoai.application.port.in.LogInUseCase.LogInCommand;
import dev.todoai.application.port.in.RegisterUserUseCase;
import dev.todoai.application.port.in.RegisterUserUseCase.RegisterUserCommand;
import dev.todoai.domain.user.Email;
import dev.todoai.domain.user.Password;
import dev.todoai.domain.user.UserAccount;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

/** Registration and log-in with e-mail and password; both answer with an access token. */
@Controller("/api/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "todo.rest.enabled", notEquals = "false")
@ProblemResponses.BadRequest
@ProblemResponses.UnsupportedMediaType
final class AuthController {
  private final RegisterUserUseCase registerUser;
  private final LogInUseCase logIn;
  private final AccessTokenIssuer tokens;
  private final ClientAddresses clients;

  AuthController(
      RegisterUserUseCase registerUser,
      LogInUseCase logIn,
      AccessTokenIssuer tokens,
      ClientAddresses clients) {
    this.registerUser = registerUser;
    this.logIn = logIn;
    this.tokens = tokens;
    this.clients = clients;
  }

  @Post("/register")
  @Status(HttpStatus.CREATED)
  @Operation(summary = "Create an account; answers with an access token.")
  @ProblemResponses.Conflict
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<AccessTokenView> register(
      HttpRequest<?> request,
      @RequestBody(content = @Content(schema = @Schema(implementation = Credentials.class)))
          @Nullable
          @Body
          byte[] body) {
    FieldErrors errors = new FieldErrors();
    Credentials credentials = read(body, errors);
    Email email = email(credentials, errors);
    if (credentials.password() != null) {
      errors.attempt(() -> new Password(credentials.password()));
    }
    errors.throwIfAny();
    UserAccount account =
        registerUser.register(
            new RegisterUserCommand(
                email, new Password(credentials.password()), clients.of(request)));
    return tokenResponse(HttpStatus.CREATED, account);
  }

  @Post("/login")
  @Operation(summary = "Log in; answers with an access token.")
  @ProblemResponses.InvalidCredentials
  @ProblemResponses.TooManyRequests
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<AccessTokenView> login(
      HttpRequest<?> request,
      @RequestBody(content = @Content(schema = @Schema(implementation = Credentials.class)))
          @Nullable
          @Body
          byte[] body) {
    FieldErrors errors = new FieldErrors();
    Credentials credentials = read(body, errors);
    Email email = email(credentials, errors);
    errors.throwIfAny();
    UserAccount account =
        logIn.logIn(new LogInCommand(email, credentials.password(), clients.of(request)));
    return tokenResponse(HttpStatus.OK, account);
  }

  /** The credentials; both members are required strings. */
  private static Credentials read(byte[] body, FieldErrors errors) {
    Credentials credentials =
        Json.read(body, Credentials.class, JsonInput.UnknownMember.FIELD, errors);
    required("email", credentials.email(), errors);
    required("password", credentials.password(), errors);
    return credentials;
  }

  private static Email email(Credentials credentials, FieldErrors errors) {
    return credentials.email() == null
        ? null
        : errors.attempt(() -> new Email(credentials.email()));
  }

  private static void required(String field, String value, FieldErrors errors) {
    if (value == null && !errors.has(field)) {
      errors.add(field, "is required");
    }
  }

  private HttpResponse<AccessTokenView> tokenResponse(HttpStatus status, UserAccount account) {
    AccessToken token = tokens.issue(account);
    return HttpResponse.<AccessTokenView>status(status)
        .body(
            new AccessTokenView(
                account.id().value(), token.token(), ApiTime.format(token.expiresAt())))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
