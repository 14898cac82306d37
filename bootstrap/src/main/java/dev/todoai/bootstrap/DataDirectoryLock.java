package dev.todoai.bootstrap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Proves that one process at a time uses a data directory: an exclusive lock on {@code <data
 * dir>/todo-ai.lock}, which also names the holder's pid. The operating system releases the lock
 * when its process ends in any way ({@code kill -9} included), so a lock that cannot be taken means
 * a live instance — never a stale file to clean up by hand.
 */
final class DataDirectoryLock implements AutoCloseable {
  static final String FILE_NAME = "todo-ai.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock at once or fails.
   *
   * @throws LaunchOptions.LaunchException when another live process holds it, naming that process
   */
  static DataDirectoryLock acquire(Path dataDirectory) {
    Path file = dataDirectory.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDirectory);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException sameProcess) {
        lock = null;
      }
      if (lock == null) {
        String holder = holder(channel);
        channel.close();
        throw new LaunchOptions.LaunchException(
            "the data directory "
                + dataDirectory
                + " is in use by another running instance"
                + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                + "; stop it first, or give this one its own TODO_DATA_DIR");
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
          0);
      channel.force(true);
      return new DataDirectoryLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new LaunchOptions.LaunchException(
          "cannot lock the data directory " + dataDirectory + ": " + e.getMessage());
    }
  }

  private static String holder(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(32);
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the failure being reported matters more
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it as well
    }
    closeQuietly(channel);
  }
}
