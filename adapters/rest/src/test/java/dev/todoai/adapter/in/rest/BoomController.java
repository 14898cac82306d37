package dev.todoai.adapter.in.rest;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** Test-only route that fails unexpectedly, to see what a client gets for a 500. */
@Controller("/api/test-boom")
@Secured(SecurityRule.IS_ANONYMOUS)
class BoomController {
  @Get
  String boom() {
    throw new IllegalStateException("database password is hunter2");
  }
}
