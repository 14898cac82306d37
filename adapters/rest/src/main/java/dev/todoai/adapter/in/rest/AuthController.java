package dev.todoai.adapter.in.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todoai.adapter.contract.ApiTime;
import dev.todoai.adapter.in.rest.AccessTokenIssuer.AccessToken;
import dev.todoai.application.port.in.LogInUseCase;
import dev.todoai.application.port.in.LogInUseCase.LogInCommand;
import dev.todoai.application.port.in.RegisterUserUseCase;
import dev.todoai.application.port.in.RegisterUserUseCase.RegisterUserCommand;
import dev.todoai.domain.user.UserAccount;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** Registration and log-in with e-mail and password; both answer with an access token. */
@Controller("/api/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "todo.rest.enabled", notEquals = "false")
final class AuthController {
  private final RegisterUserUseCase registerUser;
  private final LogInUseCase logIn;
  private final AccessTokenIssuer tokens;

  AuthController(RegisterUserUseCase registerUser, LogInUseCase logIn, AccessTokenIssuer tokens) {
    this.registerUser = registerUser;
    this.logIn = logIn;
    this.tokens = tokens;
  }

  @Post("/register")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> register(@Nullable @Body byte[] body) {
    CredentialsRequest credentials = CredentialsRequest.parse(Json.parseObject(body), true);
    UserAccount account =
        registerUser.register(
            new RegisterUserCommand(credentials.email(), credentials.newPassword()));
    return tokenResponse(HttpStatus.CREATED, account);
  }

  @Post("/login")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> login(@Nullable @Body byte[] body) {
    CredentialsRequest credentials = CredentialsRequest.parse(Json.parseObject(body), false);
    UserAccount account =
        logIn.logIn(new LogInCommand(credentials.email(), credentials.password()));
    return tokenResponse(HttpStatus.OK, account);
  }

  private HttpResponse<byte[]> tokenResponse(HttpStatus status, UserAccount account) {
    AccessToken token = tokens.issue(account);
    ObjectNode json = Json.object();
    json.put("user_id", account.id().value());
    json.put("token", token.token());
    json.put("expires_at", ApiTime.format(token.expiresAt()));
    return HttpResponse.<byte[]>status(status)
        .body(Json.write(json))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
