package dev.todoai.application.service;

import dev.todoai.application.port.in.StreamTicketsUseCase;
import dev.todoai.application.port.out.ClockPort;
import dev.todoai.application.port.out.StreamTicketStorePort;
import dev.todoai.domain.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues stream tickets of 256 random bits that live {@code lifetime} (at most {@link
 * StreamTicketsUseCase#MAX_LIFETIME}); only their SHA-256 is stored, and redeeming removes it.
 */
public final class StreamTicketService implements StreamTicketsUseCase {
  private static final Pattern SHAPE = Pattern.compile("st_[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ClockPort clock;
  private final StreamTicketStorePort store;
  private final Duration lifetime;

  public StreamTicketService(ClockPort clock, StreamTicketStorePort store, Duration lifetime) {
    Objects.requireNonNull(lifetime, "lifetime");
    if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException(
          "a stream ticket must live more than 0 and at most " + MAX_LIFETIME.toSeconds() + "s");
    }
    this.clock = clock;
    this.store = store;
    this.lifetime = lifetime;
  }

  @Override
  public StreamTicket issue(UserId user) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String value = "st_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Instant now = clock.now();
    Instant expiresAt = now.plus(lifetime);
    store.save(hash(value), user, expiresAt, now);
    return new StreamTicket(value, expiresAt);
  }

  @Override
  public Optional<UserId> redeem(String ticket) {
    if (ticket == null || !SHAPE.matcher(ticket).matches()) {
      return Optional.empty();
    }
    return store.take(hash(ticket), clock.now());
  }

  private static String hash(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
