package io.github.jfreeze.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Output held back until the command has succeeded, so that a failure part-way leaves stdout empty
 * rather than half a JSON document. Up to {@value #IN_MEMORY} characters stay in memory; beyond
 * that they go to a temporary file that is unlinked as soon as it is opened, so no name is left
 * behind even if the process is killed (where the file system allows it; elsewhere it is deleted
 * on close).
 */
final class HeldOutput extends Writer {
  static final int IN_MEMORY = 8 << 20;

  private final StringBuilder memory = new StringBuilder();
  private FileChannel spill;
  private Writer spillWriter;

  @Override
  public void write(char[] cbuf, int off, int len) {
    try {
      if (spillWriter == null && memory.length() + len > IN_MEMORY) {
        openSpill();
      }
      if (spillWriter != null) {
        spillWriter.write(cbuf, off, len);
      } else {
        memory.append(cbuf, off, len);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hold the output back in a temporary file: " + e.getMessage(), e);
    }
  }

  private void openSpill() throws IOException {
    Path tmp = Files.createTempFile("jfreeze-output-", ".tmp");
    try {
      spill = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
    } finally {
      try {
        Files.deleteIfExists(tmp); // POSIX: the open channel keeps the data, the name is gone at once
      } catch (IOException e) {
        // Windows: DELETE_ON_CLOSE removes it
      }
    }
    spillWriter = new OutputStreamWriter(Channels.newOutputStream(spill), StandardCharsets.UTF_8);
    spillWriter.append(memory);
    memory.setLength(0);
    memory.trimToSize();
  }

  @Override
  public void flush() {
    try {
      if (spillWriter != null) {
        spillWriter.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    flush();
  }

  /** Writes everything held to {@code out}. */
  void copyTo(PrintWriter out) {
    flush();
    if (spill == null) {
      out.append(memory);
    } else {
      try {
        spill.position(0);
        Reader r = new InputStreamReader(Channels.newInputStream(spill), StandardCharsets.UTF_8);
        char[] buf = new char[1 << 16];
        for (int n; (n = r.read(buf)) > 0; ) {
          out.write(buf, 0, n);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    out.flush();
  }

  /** Drops what is held. */
  void discard() {
    memory.setLength(0);
    if (spill != null) {
      try {
        spill.close();
      } catch (IOException e) {
        // already unlinked
      }
      spill = null;
      spillWriter = null;
    }
  }
}
