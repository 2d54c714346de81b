package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.TestPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a user sees first: the help texts and the paths the reports print. */
class HelpAndPathsTest {

  /**
   * {@code jfreeze --help} lists each command by the first line of its description, so that line
   * must be a whole sentence; and every further line of a description is a whole paragraph (picocli
   * wraps it to the terminal), a blank line or an indented table row, never a fragment that the
   * help would print as a line broken mid-phrase.
   */
  @Test
  void descriptionsAreWholeSentences() {
    CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertFalse(cl.getSubcommands().isEmpty());
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue; // picocli's own
      }
      String[] description = e.getValue().getCommandSpec().usageMessage().description();
      assertTrue(description.length > 0, e.getKey());
      assertTrue(description[0].endsWith("."), () -> e.getKey() + "'s summary is not a sentence: " + description[0]);
      for (String line : description) {
        assertTrue(line.isEmpty() || line.startsWith("  ") || line.endsWith(".") || line.endsWith(":"),
            () -> e.getKey() + "'s description has a line that stops mid-phrase: " + line);
      }
    }
    Cli.Result help = Cli.run("--help").assertOk();
    for (String name : new String[] {"inspect", "freeze", "convert", "run", "verify"}) {
      assertTrue(help.out().contains("  " + name + "  "), help::out);
    }
  }

  /** Every subcommand lists -V, --version (mixinStandardHelpOptions): it prints what jfreeze --version does. */
  @Test
  void everySubcommandPrintsTheVersion() {
    String version = Cli.run("--version").assertOk().out();
    org.junit.jupiter.api.Assertions.assertTrue(version.startsWith("jfreeze "), version);
    for (String command : new String[] {"inspect", "freeze", "convert", "export", "rewrite", "run", "verify"}) {
      org.junit.jupiter.api.Assertions.assertEquals(version, Cli.run(command, "--version").assertOk().out(), command);
      org.junit.jupiter.api.Assertions.assertEquals(version, Cli.run(command, "-V").assertOk().out(), command);
    }
  }

  /** A relative input is reported relative, as given: not turned into an absolute path. */
  @Test
  void relativeInputsStayRelative() {
    Path cwd = Path.of("").toAbsolutePath();
    Path seed = cwd.relativize(TestPaths.testdata().resolve("models/seed").toAbsolutePath());
    assertFalse(seed.isAbsolute());
    Cli.Result r = Cli.run("inspect", seed.toString()).assertOk();
    assertTrue(r.out().startsWith("checkpoint  " + seed.resolve("model.ckpt-1") + "\n"), r::out);
    assertFalse(r.out().contains(cwd.toString()), r::out);
    Cli.Result json = Cli.run("inspect", seed.toString(), "--json").assertOk();
    assertFalse(json.out().contains(cwd.toString()), json::out);
    assertEquals(seed.toString(), json.json().get("input").asText());
  }
}
