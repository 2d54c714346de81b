package io.github.jfreeze.codec.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;

/**
 * Releases a file mapping at once instead of when the garbage collector finds its buffer: Java 17
 * has no public API for it, so this calls {@code sun.misc.Unsafe.invokeCleaner} (module {@code
 * jdk.unsupported}), as Lucene's MMapDirectory did before Java 19. Without it, copying a gigabyte
 * through mapped windows would keep every window resident until a GC that a small heap may never
 * need. Where the method is missing, {@link #AVAILABLE} is false and callers copy through a buffer.
 *
 * <p>Only for mappings nobody else holds: touching a buffer (or a duplicate of it) after it is
 * unmapped crashes the JVM.
 */
final class Unmapper {
  private static final MethodHandle INVOKE_CLEANER = find();

  /** Whether mappings can be released early. */
  static final boolean AVAILABLE = INVOKE_CLEANER != null;

  private Unmapper() {}

  private static MethodHandle find() {
    try {
      Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
      Field f = unsafeClass.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      Object unsafe = f.get(null);
      return MethodHandles.lookup().findVirtual(unsafeClass, "invokeCleaner", MethodType.methodType(void.class, ByteBuffer.class))
          .bindTo(unsafe);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Unmaps {@code buffer}; it must not be used afterwards. */
  static void unmap(MappedByteBuffer buffer) {
    try {
      INVOKE_CLEANER.invokeExact((ByteBuffer) buffer);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("cannot unmap", t);
    }
  }
}
