package io.github.jfreeze.cli;

import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.ModelNotFoundException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code jfreeze} command. Each subcommand parses its options, calls the library and prints;
 * this class maps what they throw to exit codes: {@value #OK} success, {@value #BAD_INPUT} bad or
 * unreadable input (one line on stderr, {@code jfreeze: error: <path>: <what is wrong>}), {@value
 * #USAGE} usage errors.
 */
@Command(name = "jfreeze", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Pure-Java tools for TensorFlow checkpoints, graphs and SavedModels.",
    // subcommands are added in commandLine(): only the one run when that is known
    subcommands = {})
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int BAD_INPUT = 1;
  public static final int USAGE = 2;

  @Spec
  CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "On errors, print the stack trace too.")
  boolean debug;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  public static void main(String[] args) {
    // stdout is buffered, not flushed per line (that costs a system call a line: a tenth of a
    // second for the 40,000 lines `inspect` prints for a 20,000-variable checkpoint; benchmark:
    // benchmarks/run.sh, inspect of many); stderr flushes it before each write, so the two keep
    // their order on a terminal
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
    OutputStream errAfterOut = new OutputStream() {
      @Override
      public void write(int b) {
        out.flush();
        System.err.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        out.flush();
        System.err.write(b, off, len);
      }

      @Override
      public void flush() {
        System.err.flush();
      }
    };
    PrintWriter err = new PrintWriter(new OutputStreamWriter(errAfterOut, StandardCharsets.UTF_8), true);
    int code = execute(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs {@code jfreeze args...} writing to {@code out} and {@code err}; returns the exit code. With
   * {@code --json}, what a command prints is held back ({@link HeldOutput}) and reaches {@code out}
   * only when it succeeds: stdout carries one whole JSON document or nothing.
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    boolean json = java.util.Arrays.asList(args).contains("--json");
    HeldOutput held = json ? new HeldOutput() : null;
    PrintWriter commandOut = json ? new PrintWriter(held, false) : out;
    CommandLine cl = null;
    int code;
    try {
      cl = commandLine(commandOut, err, args);
      code = cl.execute(args);
    } catch (OutOfMemoryError e) {
      code = fail(err, cl, e, "out of memory; give Java more heap, e.g. JFREEZE_JAVA_OPTS=-Xmx8g");
    } catch (StackOverflowError e) {
      code = fail(err, cl, e, "stack overflow (a bug in jfreeze: please report it with the output of --debug)");
    } catch (InternalError e) {
      // a mapped file shrank while it was read
      code = fail(err, cl, e, "the file changed or became unreadable while it was read (" + e.getMessage() + ")");
    } catch (LinkageError | RuntimeException e) {
      if (e instanceof NoClassDefFoundError && nativeClassMissing(e)) {
        code = fail(err, cl, e, NATIVE_MISSING);
        return finish(held, commandOut, out, code);
      }
      IOException io = ioCause(e);
      String outOfFiles = outOfFiles(e);
      code = fail(err, cl, e, io != null ? "cannot go on: " + io.getMessage()
          : outOfFiles != null ? "cannot go on: " + outOfFiles
          : "unexpected " + e + " (a bug in jfreeze, or a damaged installation: please report it with the output of --debug)");
    }
    return finish(held, commandOut, out, code);
  }

  /**
   * What {@code run}, {@code verify} and {@code freeze --native-values} say when the runtime bridge
   * or TensorFlow Java is not on the classpath (the pure-Java download without its native add-on).
   */
  static final String NATIVE_MISSING = "this command runs native TensorFlow, which is not installed with this jfreeze:"
      + " unpack jfreeze-native-" + versionOr("VERSION") + ".zip over the jfreeze directory (it adds lib/native/);"
      + " inspect, freeze and convert need no TensorFlow";

  private static String versionOr(String fallback) {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? fallback : v;
  }

  /** Whether {@code e} is a class of the runtime bridge or of TensorFlow Java that is not there. */
  private static boolean nativeClassMissing(Throwable e) {
    String m = String.valueOf(e.getMessage());
    return m.startsWith("io/github/jfreeze/bridge/") || m.startsWith("org/tensorflow/") || m.startsWith("org/bytedeco/");
  }

  /** Set by a command whose JSON document is whole although it then fails ({@link #documentComplete}). */
  private static final ThreadLocal<Boolean> DOCUMENT_COMPLETE = ThreadLocal.withInitial(() -> false);

  /**
   * Says that the command has written its whole {@code --json} document, so it reaches stdout even
   * though the command then exits 1 (verify's document of outputs that differ).
   */
  static void documentComplete() {
    DOCUMENT_COMPLETE.set(true);
  }

  /** Prints what the command held back when it succeeded, or wrote a whole document; returns {@code code}. */
  private static int finish(HeldOutput held, PrintWriter commandOut, PrintWriter out, int code) {
    boolean complete = DOCUMENT_COMPLETE.get();
    DOCUMENT_COMPLETE.remove();
    if (held != null) {
      commandOut.flush();
      if (code == OK || (complete && code == BAD_INPUT)) {
        held.copyTo(out);
      }
      held.discard();
    }
    return code;
  }

  /** The I/O failure behind {@code e} (a class that could not initialise because no file could be opened), or null. */
  private static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  /** The message in {@code e}'s causes that says the system's limit on open files was reached, or null. */
  private static String outOfFiles(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains(TOO_MANY_OPEN_FILES)) {
        return t.getMessage();
      }
    }
    return null;
  }

  /** One error line for a failure outside the command's own handling, naming the input being read. */
  private static int fail(PrintWriter err, CommandLine cl, Throwable e, String what) {
    Path input = cl == null ? null : inputOf(cl.getParseResult());
    err.println("jfreeze: error: " + (input != null ? input + ": " : "") + withAdvice(what));
    if (cl != null && debugRequested(cl.getParseResult())) {
      e.printStackTrace(err);
    }
    err.flush();
    return BAD_INPUT;
  }

  /** The first path the command was given as a positional parameter (its input), or null. */
  static Path inputOf(ParseResult pr) {
    for (ParseResult p = pr; p != null; p = p.subcommand()) {
      for (var positional : p.matchedPositionals()) {
        Object v = positional.getValue();
        if (v instanceof Path path) {
          return path;
        }
      }
    }
    return null;
  }

  /**
   * The types picocli would register converters for and no option of jfreeze has: picocli looks up
   * each of java.time's and java.sql's by name when it builds a command line, which initialises
   * them (java.time's parsers build their formatters, java.sql.Time the calendar), about a hundred
   * classes and 15 to 20 ms of every command's start (class-load timeline; benchmarks/run.sh). A
   * regular expression picocli matches against each class name: its system property, which it reads
   * each time it registers converters, that is, while a command line is built. Set only while
   * {@link #commandLine} builds jfreeze's (and restored after, so picocli elsewhere in a JVM that
   * embeds jfreeze keeps them); left as it is when set already.
   */
  static final String PICOCLI_EXCLUDES = "picocli.converters.excludes";
  static final String UNUSED_CONVERTERS = "java\\.(time|sql)\\..*";

  /** The subcommands, in the order help lists them. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("inspect", InspectCommand::new);
    SUBCOMMANDS.put("freeze", FreezeCommand::new);
    SUBCOMMANDS.put("convert", ConvertCommand::new);
    SUBCOMMANDS.put("export", ExportCommand::new);
    SUBCOMMANDS.put("rewrite", RewriteCommand::new);
    SUBCOMMANDS.put("run", RunCommand::new);
    SUBCOMMANDS.put("verify", VerifyCommand::new);
    // (a lambda, not CommandLine.HelpCommand::new: the class-data archive leaves out a method
    // reference to picocli's classes, which are compiled for Java 5, and those classes with it)
    SUBCOMMANDS.put("help", () -> new CommandLine.HelpCommand());
  }

  /** The configured command line with every subcommand (for tests and embedding). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, new String[0]);
  }

  /**
   * The command line for {@code args}: when they name a subcommand (its name is the first argument
   * that is not an option), only that one is built, since picocli reads every command's
   * annotations up front (about 30 ms of the 0.6 s `freeze` of mid takes; benchmarks/run.sh);
   * otherwise (help, usage errors, suggestions) all of them.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
    if (System.getProperty(PICOCLI_EXCLUDES) != null) {
      return build(out, err, args);
    }
    System.setProperty(PICOCLI_EXCLUDES, UNUSED_CONVERTERS);
    try {
      return build(out, err, args);
    } finally {
      System.clearProperty(PICOCLI_EXCLUDES);
    }
  }

  private static CommandLine build(PrintWriter out, PrintWriter err, String[] args) {
    CommandLine cl = new CommandLine(new Main());
    String first = null;
    for (String a : args) {
      if (!a.startsWith("-")) {
        first = a;
        break;
      }
    }
    boolean one = first != null && SUBCOMMANDS.containsKey(first) && !first.equals("help");
    Version version = new Version();
    for (var e : SUBCOMMANDS.entrySet()) {
      if (!one || e.getKey().equals(first)) {
        cl.addSubcommand(e.getKey(), e.getValue().get());
        // every subcommand offers --version (mixinStandardHelpOptions): it prints jfreeze's, not nothing
        cl.getSubcommands().get(e.getKey()).getCommandSpec().versionProvider(version);
      }
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(HANDLERS);
    cl.setParameterExceptionHandler(HANDLERS);
    return cl;
  }

  /**
   * The error handlers, a class rather than method references: a lambda implementing an interface
   * of picocli (compiled for Java 5) is left out of the class-data archive with that interface, and
   * made at run time by every command (benchmarks/run.sh: the start of every command).
   */
  private static final class Handlers implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
      return Main.handleExecutionException(ex, cmd, parseResult);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      return handleParameterException(ex, args);
    }
  }

  private static final Handlers HANDLERS = new Handlers();

  private static int handleParameterException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("jfreeze: error: " + oneLine(ex.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return USAGE;
  }

  private static int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    String message = withAdvice(oneLine(describe(ex)));
    Path input = inputOf(parseResult);
    if (input != null && !namesItsFile(ex) && !message.contains(input.toString())) {
      message = input + ": " + message; // every error line names a path: the input when the failure names none
    }
    err.println("jfreeze: error: " + message);
    if (debugRequested(parseResult)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return BAD_INPUT;
  }

  private static boolean debugRequested(ParseResult pr) {
    for (ParseResult p = pr; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@link #describe} of {@code ex} starts with the path it is about. */
  private static boolean namesItsFile(Throwable ex) {
    if (ex instanceof io.github.jfreeze.freezer.FreezeException fe) {
      return fe.file() != null;
    }
    return ex instanceof CommandFailure || ex instanceof CorruptFileException || ex instanceof ModelNotFoundException
        || (ex instanceof FileSystemException fse && fse.getFile() != null);
  }

  /** The message for a failure: the path first, then what is wrong (never the path twice). */
  static String describe(Throwable ex) {
    if (ex instanceof java.io.UncheckedIOException u && u.getCause() != null) {
      return describe(u.getCause());
    }
    if (ex instanceof CommandFailure || ex instanceof CorruptFileException || ex instanceof ModelNotFoundException) {
      return ex.getMessage();
    }
    if (ex instanceof NoSuchFileException e) {
      return e.getFile() + ": no such file or directory";
    }
    if (ex instanceof AccessDeniedException e) {
      return e.getFile() + ": permission denied";
    }
    if (ex instanceof FileSystemException e) {
      String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
      return (e.getFile() != null ? e.getFile() + ": " : "") + reason
          + (e.getOtherFile() != null ? " (" + e.getOtherFile() + ")" : "");
    }
    if (ex instanceof IOException) {
      return ex.getMessage() != null ? ex.getMessage() : ex.toString();
    }
    if (ex instanceof io.github.jfreeze.codec.IncompatibleRuntimeException) {
      return ex.getMessage(); // an installation with a foreign protobuf-java: say which, not "a bug"
    }
    return "unexpected " + ex + " (a bug in jfreeze: please report it with the output of --debug)";
  }

  private static final String TOO_MANY_OPEN_FILES = "Too many open files";
  private static final String RAISE_ULIMIT = " (raise ulimit -n)";

  /**
   * {@code message}, with what to do when it is the system's limit on open files (EMFILE): every
   * error line passes through here once, where it is printed (the launcher checks the limit before
   * Java starts, and Java may need more, e.g. native TensorFlow's).
   */
  static String withAdvice(String message) {
    String m = String.valueOf(message);
    return m.contains(TOO_MANY_OPEN_FILES) ? message + RAISE_ULIMIT : message;
  }

  /** Keeps a message on one line. */
  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  /** The version from the jar manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"jfreeze " + (v == null ? "(development build)" : v)};
    }
  }
}
