package dev.todoai.adapter.in.rest;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The network address of the client behind a request, for throttling. It is the peer of the TCP
 * connection, unless that peer is a trusted proxy ({@code todo.http.trusted-proxies}, env {@code
 * TODO_TRUSTED_PROXIES}: a comma-separated list of addresses and CIDR ranges); then {@code
 * X-Forwarded-For} is read from the right, and the first address that is not a trusted proxy is the
 * client. From anyone else the header is ignored, so a client cannot choose its own address.
 */
@Singleton
final class ClientAddresses {
  static final String PROPERTY = "todo.http.trusted-proxies";
  static final String FORWARDED_FOR = "X-Forwarded-For";
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private final List<Range> trusted;

  ClientAddresses(@Value("${" + PROPERTY + ":}") String trustedProxies) {
    List<Range> ranges = new ArrayList<>();
    for (String part : trustedProxies.split(",")) {
      String entry = part.strip();
      if (!entry.isEmpty()) {
        ranges.add(
            Range.parse(entry)
                .orElseThrow(
                    () ->
                        new ConfigurationException(
                            PROPERTY + ": '" + entry + "' is not an IP address or CIDR range")));
      }
    }
    this.trusted = List.copyOf(ranges);
  }

  /** The client's address as text (an IP literal). */
  String of(HttpRequest<?> request) {
    InetAddress peer = request.getRemoteAddress().getAddress();
    if (peer == null) {
      return "unknown";
    }
    if (!isTrusted(peer)) {
      return peer.getHostAddress();
    }
    List<String> hops = new ArrayList<>();
    for (String header : request.getHeaders().getAll(FORWARDED_FOR)) {
      for (String hop : header.split(",")) {
        hops.add(hop.strip());
      }
    }
    InetAddress client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = literal(hops.get(i));
      if (hop.isEmpty()) {
        break;
      }
      client = hop.get();
      if (!isTrusted(client)) {
        break;
      }
    }
    return client.getHostAddress();
  }

  private boolean isTrusted(InetAddress address) {
    return trusted.stream().anyMatch(range -> range.contains(address));
  }

  /** An IP literal, never a name (no DNS lookups for header values). */
  static Optional<InetAddress> literal(String text) {
    if (text == null || !IP_LITERAL.matcher(text).matches() || !text.matches(".*[.:].*")) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** An address range: network bytes and prefix length. */
  private record Range(byte[] network, int prefix) {
    static Optional<Range> parse(String text) {
      int slash = text.indexOf('/');
      Optional<InetAddress> address = literal(slash < 0 ? text : text.substring(0, slash));
      if (address.isEmpty()) {
        return Optional.empty();
      }
      byte[] bytes = address.get().getAddress();
      int prefix = bytes.length * 8;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
          return Optional.empty();
        }
      }
      return Optional.of(new Range(bytes, prefix));
    }

    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
