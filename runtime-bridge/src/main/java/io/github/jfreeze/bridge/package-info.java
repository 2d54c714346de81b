/**
 * jfreeze's bridge to native TensorFlow (TF Java 1.1.0 = TF 2.18): the reference that the
 * pure-Java modules are checked against, and the tools that need TF itself. It exchanges only
 * bytes, paths, strings and small records ({@link io.github.jfreeze.bridge.NativeTensor}, which
 * converts to and from codec's {@code Tensor}) with the rest of jfreeze. Everything pure Java comes
 * from codec: the graph rules (likely outputs, the op vocabulary), the dtype table, and the feed
 * value syntax ({@code [[1, 2], [3, 4]]}), random feeds and output comparison of {@code
 * io.github.jfreeze.codec.values}.
 *
 * <ul>
 *   <li>{@link io.github.jfreeze.bridge.TensorFlowRuntime}: whether the natives load, and why not.
 *   <li>{@link io.github.jfreeze.bridge.NativeCheckpoint}: list and restore checkpoint tensors.
 *   <li>{@link io.github.jfreeze.bridge.NativeRunner}: run a frozen GraphDef with text feeds.
 *   <li>{@link io.github.jfreeze.bridge.NativeVerifier}: compare a frozen graph with its original
 *       model, output by output.
 *   <li>{@link io.github.jfreeze.bridge.NativeVariables}: variable values restored by TF, for
 *       native-assisted freezing.
 *   <li>{@link io.github.jfreeze.bridge.Device}: AUTO, CPU or GPU.
 * </ul>
 *
 * <p>Every failure of the run, verify and variable entry points is a
 * {@link io.github.jfreeze.bridge.NativeRunException} whose
 * {@link io.github.jfreeze.bridge.NativeRunException#reason()} tells the cases apart; the message
 * says what to do. {@code internal} holds the C API plumbing and is not API.
 */
package io.github.jfreeze.bridge;
