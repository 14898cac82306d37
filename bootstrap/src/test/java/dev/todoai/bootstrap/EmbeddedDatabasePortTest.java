package dev.todoai.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The embedded server's port is chosen before it binds it: never from the ephemeral range. */
class EmbeddedDatabasePortTest {
  @RepeatedTest(20)
  void belowLinuxsDefaultEphemeralRange() throws Exception {
    int port = EmbeddedDatabase.freePortOutside(32768, 60999);

    assertThat(port).isBetween(10_000, 32_767);
    try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(free.getLocalPort()).isEqualTo(port);
    }
  }

  @RepeatedTest(20)
  void aboveARangeThatStartsLow() throws Exception {
    assertThat(EmbeddedDatabase.freePortOutside(1024, 50000)).isBetween(50_001, 65_535);
  }

  @Test
  void anyFreePortWhenTheRangeLeavesNoRoom() throws Exception {
    assertThat(EmbeddedDatabase.freePortOutside(1024, 65000)).isBetween(1, 65_535);
  }
}
