package io.github.jfreeze.bridge;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Run by {@link NativesUnavailableTest} in a JVM without TF's native jar: prints one line per
 * entry point, {@code what|reason|message}.
 */
public final class NoNativesProbe {
  private NoNativesProbe() {}

  @FunctionalInterface
  interface Call {
    void call() throws Exception;
  }

  public static void main(String[] args) {
    Path nowhere = Path.of(args[0]);
    probe("available", () -> System.out.print(TensorFlowRuntime.isAvailable()));
    probe("device", () -> Device.AUTO.resolve());
    probe("run", () -> NativeRunner.run(nowhere.resolve("g.pb"), Map.of(), List.of(), Device.AUTO));
    probe("verify", () -> NativeVerifier.verify(NativeVerifier.Options.builder(nowhere.resolve("g.pb"), nowhere).build()));
    probe("variables", () -> NativeVariables.restore(nowhere, Set.of("serve"), List.of("v")));
  }

  private static void probe(String what, Call call) {
    System.out.print(what + "|");
    try {
      call.call();
      System.out.println("|no exception");
    } catch (NativeRunException e) {
      System.out.println(e.reason() + "|" + e.getMessage().replace('\n', ' '));
    } catch (Exception e) {
      System.out.println("|" + e);
    }
  }
}
