package io.github.jfreeze.cli;

import io.github.jfreeze.freezer.internal.AtomicOutput;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process that starts writing an output the way jfreeze does, then hangs, so that {@link
 * HostileIT} can kill it with {@code kill -9} part-way: {@code SlowWriter file|dir PATH}.
 */
public final class SlowWriter {
  private SlowWriter() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[1]);
    if (args[0].equals("file")) {
      AtomicOutput.writeFile(target, false, (out, ch) -> {
        out.write(new byte[1 << 20]);
        out.flush();
        hang();
      });
    } else {
      AtomicOutput.writeDirectory(target, false, dir -> {
        Files.write(dir.resolve("saved_model.pb"), new byte[1 << 20]);
        hang();
      });
    }
  }

  private static void hang() {
    System.out.println("writing");
    System.out.flush();
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
