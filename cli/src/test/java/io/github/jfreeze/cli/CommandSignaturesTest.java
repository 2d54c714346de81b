package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The pure-Java download has neither the runtime bridge nor TensorFlow Java, yet {@code --help}
 * and {@code --version} build every subcommand, and picocli resolves every declared method and
 * field of a command class (lambdas' synthetic methods too): no such signature may name a bridge
 * or TensorFlow type, or those commands fail there with "native TensorFlow is not installed"
 * (distribution/src/test/sh/archive-it.sh runs them in the unpacked download).
 */
class CommandSignaturesTest {
  private static final List<String> NATIVE = List.of("io.github.jfreeze.bridge.", "org.tensorflow.", "org.bytedeco.");

  @Test
  void noCommandSignatureNamesANativeType() {
    StringWriter sink = new StringWriter();
    CommandLine cl = Main.commandLine(new PrintWriter(sink), new PrintWriter(sink));
    List<Class<?>> classes = new ArrayList<>();
    classes.add(cl.getCommand().getClass());
    cl.getSubcommands().values().forEach(c -> classes.add(c.getCommand().getClass()));
    assertFalse(classes.size() < 8, "subcommands: " + cl.getSubcommands().keySet());
    List<String> found = new ArrayList<>();
    for (Class<?> c : classes) {
      for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
        for (Method m : k.getDeclaredMethods()) {
          check(found, m.toString(), m.getReturnType(), m.getParameterTypes());
        }
        for (Constructor<?> m : k.getDeclaredConstructors()) {
          check(found, m.toString(), void.class, m.getParameterTypes());
        }
        for (Field f : k.getDeclaredFields()) {
          check(found, f.toString(), f.getType());
        }
      }
    }
    assertEquals(List.of(), found);
  }

  /**
   * The command line leaves out picocli's converters for java.time and java.sql
   * ({@link Main#UNUSED_CONVERTERS}): no option or parameter of any command may be of such a type
   * (nor a list or map of one), or it would fail to convert with picocli's "no TypeConverter".
   */
  @Test
  void noOptionNeedsAConverterLeftOut() {
    StringWriter sink = new StringWriter();
    String before = System.getProperty(Main.PICOCLI_EXCLUDES);
    CommandLine cl = Main.commandLine(new PrintWriter(sink), new PrintWriter(sink));
    // set while jfreeze's command line is built, as it was after: picocli elsewhere in the JVM keeps them
    assertEquals(before, System.getProperty(Main.PICOCLI_EXCLUDES));
    Pattern left = Pattern.compile(Main.UNUSED_CONVERTERS);
    List<CommandLine> commands = new ArrayList<>(List.of(cl));
    commands.addAll(cl.getSubcommands().values());
    List<String> found = new ArrayList<>();
    int args = 0;
    for (CommandLine c : commands) {
      for (CommandLine.Model.ArgSpec a : c.getCommandSpec().args()) {
        args++;
        Set<Class<?>> types = new LinkedHashSet<>(List.of(a.type()));
        types.addAll(List.of(a.auxiliaryTypes()));
        for (Class<?> t : types) {
          while (t.isArray()) {
            t = t.getComponentType();
          }
          if (left.matcher(t.getName()).matches()) {
            found.add(c.getCommandName() + " " + a + ": " + t.getName());
          }
        }
      }
    }
    assertFalse(args < 50, "options and parameters seen: " + args);
    assertEquals(List.of(), found);
    // and the expression leaves out what it should, and nothing jfreeze's options use
    for (String t : List.of("java.time.Duration", "java.time.ZoneId", "java.sql.Timestamp")) {
      assertTrue(left.matcher(t).matches(), t);
    }
    for (String t : List.of("java.nio.file.Path", "java.lang.String", "java.lang.Long", "java.io.File")) {
      assertFalse(left.matcher(t).matches(), t);
    }
  }

  private static void check(List<String> found, String where, Class<?> type, Class<?>... more) {
    List<Class<?>> all = new ArrayList<>(List.of(more));
    all.add(type);
    for (Class<?> t : all) {
      while (t.isArray()) {
        t = t.getComponentType();
      }
      for (String p : NATIVE) {
        if (t.getName().startsWith(p)) {
          found.add(where);
          return;
        }
      }
    }
  }
}
