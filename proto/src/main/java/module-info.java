/**
 * TensorFlow 2.18's protobuf schemas, generated into {@code io.github.jfreeze.proto} at build time
 * (VENDORED.md). Everything here is generated code; the codec and freezer read and write these
 * messages.
 */
module io.github.jfreeze.proto {
  requires transitive com.google.protobuf;

  exports io.github.jfreeze.proto;
}
