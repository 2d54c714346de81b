package io.github.jfreeze.codec;

import com.google.protobuf.LazyStringArrayList;
import java.net.URL;
import java.security.CodeSource;

/**
 * Checks once that the protobuf-java on the classpath can run jfreeze's generated classes (built
 * with protoc 3.25.8, which call {@code LazyStringArrayList.emptyList()}, absent before 3.25), so
 * that an older runtime is reported plainly at the first call instead of as an {@code
 * IllegalAccessError} from inside a parse.
 */
final class ProtobufRuntime {
  private ProtobufRuntime() {}

  private static final String PROBLEM = probe();

  private static String probe() {
    try {
      LazyStringArrayList.class.getMethod("emptyList");
      return null;
    } catch (NoSuchMethodException e) {
      return "protobuf-java " + found() + " is on the classpath, but jfreeze needs "
          + IncompatibleRuntimeException.PROTOBUF_MINIMUM + " or later (its generated classes were built with 3.25.8); "
          + "depend on com.google.protobuf:protobuf-java:3.25.8 or newer";
    }
  }

  /** The jar protobuf-java was loaded from, or a description when that is not known. */
  private static String found() {
    CodeSource source = LazyStringArrayList.class.getProtectionDomain().getCodeSource();
    URL url = source == null ? null : source.getLocation();
    if (url == null) {
      return "(an older version)";
    }
    String path = url.getPath();
    String name = path.substring(path.lastIndexOf('/', path.length() - 2) + 1);
    return name.matches("protobuf-java-.*\\.jar") ? name.substring("protobuf-java-".length(), name.length() - 4)
        : "from " + path;
  }

  /**
   * Throws when the protobuf-java on the classpath is too old.
   *
   * @throws IncompatibleRuntimeException naming the version found and the one needed
   */
  static void require() {
    if (PROBLEM != null) {
      throw new IncompatibleRuntimeException(PROBLEM);
    }
  }
}
