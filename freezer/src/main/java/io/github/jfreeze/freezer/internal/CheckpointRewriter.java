package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.CheckpointFormat;
import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.GraphFile;
import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.codec.bundle.BundleReader;
import io.github.jfreeze.codec.bundle.BundleWriter;
import io.github.jfreeze.codec.slice.SliceAssembler;
import io.github.jfreeze.codec.slice.TensorSlice;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeException.Reason;
import io.github.jfreeze.freezer.RewriteOptions;
import io.github.jfreeze.freezer.RewriteReport;
import io.github.jfreeze.freezer.RewriteReport.Rewritten;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.TrackableObjectGraph;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checkpoint written again as a new V2 checkpoint: the plan (which tensors, under which keys,
 * as which dtype, in which data file), then the bundle written through {@link BundleWriter}, with
 * the {@code .meta} beside the input rewritten to match ({@link SaverRewriter}) and, in a directory
 * jfreeze creates, a {@code checkpoint} state file.
 *
 * <p>Fixed-size tensors of a V2 input stream from its data files to the new ones (CRC32C checked
 * on the way, cast element by element where asked); partitioned tensors, V1 tensors and strings
 * are read one at a time and written again, slices as slices. The output is written as every
 * jfreeze output is ({@link AtomicOutput}): temporaries made durable, then published without
 * replacing anything unless {@code force}; the index is published last.
 */
public final class CheckpointRewriter {
  private CheckpointRewriter() {}

  /** One tensor to write. */
  private record Planned(VariableInfo info, String newKey, DType newDtype, int shard) {}

  /**
   * Rewrites as {@code o} says.
   *
   * @param o the options
   * @return what was written
   * @throws FreezeException when the plan or the graph cannot be carried out consistently
   * @throws IOException if reading or writing fails
   */
  public static RewriteReport rewrite(RewriteOptions o) throws IOException {
    ModelLocation loc = ModelLocator.locate(o.input());
    if (!loc.hasCheckpoint()) {
      throw new FreezeException(Reason.NO_CHECKPOINT, o.input(), "holds no checkpoint to rewrite");
    }
    List<Pattern> drop = WeightExporter.patterns(o.drop(), "drop");
    List<Pattern> renameFrom = new ArrayList<>();
    for (RewriteOptions.Rename r : o.renames()) {
      renameFrom.add(WeightExporter.patterns(List.of(r.pattern()), "rename").get(0));
    }
    Path prefix = o.output().toAbsolutePath().normalize();
    Path dir = prefix.getParent();
    boolean newDirectory = !Files.exists(dir);
    try (CheckpointReader ckpt = loc.openCheckpoint()) {
      Set<Path> inputs = loc.readPaths(null, ckpt);
      List<String> warnings = new ArrayList<>(loc.warnings());
      List<String> dropped = new ArrayList<>();
      Map<String, String> renamed = new LinkedHashMap<>();
      List<Planned> plan = new ArrayList<>();
      Map<String, String> keyOf = new HashMap<>();
      List<String> problems = new ArrayList<>();
      int shards = o.shards() > 0 ? o.shards() : ckpt.format() == CheckpointFormat.V2 ? ckpt.shards() : 1;
      long[] load = new long[shards];
      for (VariableInfo v : ckpt.variables()) {
        boolean objectGraph = v.key().equals(BundleReader.OBJECT_GRAPH_KEY);
        if ((o.inferenceOnly() && !objectGraph && WeightExporter.bookkeeping(v.key(), v.name()))
            || WeightExporter.matches(drop, v.name(), v.key())) {
          dropped.add(v.key());
          continue;
        }
        String key = v.key();
        for (int i = 0; i < renameFrom.size() && !objectGraph; i++) { // TF2 finds its object graph by this key
          Matcher m = renameFrom.get(i).matcher(key);
          if (m.matches()) {
            // the whole-key match itself (replaceFirst would search again and could take a shorter one)
            StringBuilder newKey = new StringBuilder();
            m.appendReplacement(newKey, o.renames().get(i).replacement());
            key = m.appendTail(newKey).toString();
          }
        }
        if (key.isEmpty() || key.charAt(0) == 0) {
          problems.add("'" + v.key() + "' would be renamed to '" + key + "', which is not a key (empty, or starting "
              + "with a 0 byte)");
        }
        String other = keyOf.putIfAbsent(key, v.key());
        if (other != null) {
          problems.add("'" + other + "' and '" + v.key() + "' would both be written as '" + key + "'");
        }
        if (!key.equals(v.key())) {
          renamed.put(v.key(), key);
        }
        DType dtype = o.cast() != null && v.dtype() == DType.FLOAT32 ? o.cast() : v.dtype();
        if (v.isPartitioned() && !SliceAssembler.assembledByTensorFlow(dtype)) {
          warnings.add("'" + key + "' is written whole, not in its " + v.slices().size() + " slices: native TF cannot "
              + "assemble " + dtype + " slices");
        }
        // in key order, each tensor to the data file holding the fewest bytes so far
        int shard = 0;
        for (int s = 1; s < shards; s++) {
          shard = load[s] < load[shard] ? s : shard;
        }
        load[shard] += Math.max(0, v.byteSize() < 0 ? 64 : v.numElements() * dtype.byteSize());
        plan.add(new Planned(v, key, dtype, shard));
      }
      if (!problems.isEmpty()) {
        throw new FreezeException(Reason.UNSUPPORTED, o.input(), "cannot rewrite: " + String.join("; ",
            problems.subList(0, Math.min(8, problems.size()))) + (problems.size() > 8 ? "; and " + (problems.size() - 8)
            + " more" : ""));
      }
      byte[] meta = null;
      Path metaIn = loc.kind() == ModelLocation.Kind.CHECKPOINT ? loc.graphFile() : null;
      if (metaIn != null) {
        GraphFile g = GraphFile.read(metaIn);
        if (g.kind() == GraphFile.Kind.META_GRAPH) {
          Map<String, DType> cast = new HashMap<>();
          plan.stream().filter(p -> p.newDtype() != p.info().dtype()).forEach(p -> cast.put(p.info().key(), p.newDtype()));
          meta = SaverRewriter.rewrite((MetaGraphDef) g.message(), metaIn, Set.copyOf(dropped), renamed, cast)
              .toByteArray();
        }
      }
      byte[] objectGraph = objectGraph(ckpt, Set.copyOf(dropped), renamed);
      // the files, in the order they are published: data, .meta, index last
      String name = prefix.getFileName().toString();
      List<Path> files = new ArrayList<>();
      for (int s = 0; s < shards; s++) {
        files.add(BundleReader.dataFile(prefix, s, shards));
      }
      Path metaOut = meta == null ? null : prefix.resolveSibling(name + ".meta");
      if (metaOut != null) {
        files.add(metaOut);
      }
      files.add(BundleReader.indexFile(prefix));
      byte[] metaBytes = meta;
      long bytes;
      if (newDirectory) {
        AtomicOutput.check(dir, inputs, false, true);
        byte[] state = ("model_checkpoint_path: \"" + escape(name) + "\"\nall_model_checkpoint_paths: \"" + escape(name)
            + "\"\n").getBytes(StandardCharsets.UTF_8);
        files.add(dir.resolve("checkpoint"));
        AtomicOutput.writeDirectory(dir, false, tmp -> {
          List<FileChannel> channels = new ArrayList<>();
          try {
            for (Path f : files.subList(0, files.size() - 1)) {
              channels.add(FileChannel.open(tmp.resolve(f.getFileName()), java.nio.file.StandardOpenOption.CREATE_NEW,
                  java.nio.file.StandardOpenOption.WRITE));
            }
            write(ckpt, plan, objectGraph, metaBytes, channels, shards);
          } finally {
            for (FileChannel c : channels) {
              c.close();
            }
          }
          Files.write(tmp.resolve("checkpoint"), state);
        });
        bytes = 0;
        for (Path f : files) {
          bytes += Files.size(f);
        }
      } else {
        for (Path f : files) {
          AtomicOutput.check(f, inputs, o.force(), false);
        }
        bytes = AtomicOutput.writeFiles(files, o.force(), channels -> write(ckpt, plan, objectGraph, metaBytes, channels,
            shards));
      }
      List<Rewritten> written = new ArrayList<>();
      for (Planned p : plan) {
        written.add(new Rewritten(p.info().key(), p.newKey(), p.info().dtype().pythonName(), p.newDtype().pythonName(),
            p.info().shape().asList(), p.shard()));
      }
      return new RewriteReport(prefix, files, bytes, shards, written, dropped, metaOut, warnings);
    }
  }

  /** Writes the bundle: data files are the first {@code shards} channels; then the .meta, if any; the index last. */
  private static void write(CheckpointReader ckpt, List<Planned> plan, byte[] objectGraph, byte[] meta,
      List<FileChannel> channels, int shards) throws IOException {
    BundleWriter w = BundleWriter.over(channels.get(channels.size() - 1), channels.subList(0, shards));
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    for (Planned p : plan) {
      VariableInfo v = p.info();
      String key = v.key();
      if (v.isPartitioned() && SliceAssembler.assembledByTensorFlow(p.newDtype())) {
        Tensor full = ckpt.read(key);
        for (String spec : v.slices()) {
          TensorSlice slice = TensorSlice.parse(spec);
          w.addSlice(p.newKey(), v.shape(), slice, cast(SliceAssembler.extract(full, slice), p.newDtype()), p.shard());
        }
      } else if (ckpt.isRawCopyable(key) && p.newDtype() == v.dtype() && ckpt instanceof BundleReader b) {
        // copied as they are (FileSource.copyTo); copyRaw checks the bytes against the CRC the new entry takes over
        w.addVerbatim(p.newKey(), v.dtype(), v.shape(), p.shard(), b.checksum(key),
            out -> ckpt.copyRaw(key, out, buffer));
      } else if (ckpt.isRawCopyable(key)) {
        w.add(p.newKey(), p.newDtype(), v.shape(), p.shard(), out -> ckpt.copyRaw(key,
            p.newDtype() == v.dtype() ? out : new NarrowingChannel(out, p.newDtype()), buffer));
      } else if (key.equals(BundleReader.OBJECT_GRAPH_KEY) && objectGraph != null) {
        w.add(p.newKey(), Tensor.ofElements(DType.STRING, TensorShape.SCALAR, List.of(objectGraph)), p.shard());
      } else {
        w.add(p.newKey(), cast(ckpt.read(key), p.newDtype()), p.shard());
      }
    }
    if (meta != null) {
      ByteBuffer m = ByteBuffer.wrap(meta);
      FileChannel out = channels.get(shards);
      while (m.hasRemaining()) {
        out.write(m);
      }
    }
    w.finish();
  }

  /** A float32 tensor as {@code to}; any other returned as it is. */
  private static Tensor cast(Tensor t, DType to) {
    if (t.dtype() == to) {
      return t;
    }
    ByteBuffer in = t.data();
    ByteBuffer out = ByteBuffer.allocate(in.remaining() / 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    NarrowingChannel.narrow(in.order(java.nio.ByteOrder.LITTLE_ENDIAN), out, to);
    return Tensor.of(to, t.shape(), out.flip());
  }

  /**
   * The TF2 object graph with the checkpoint keys of renamed tensors changed and the attributes of
   * dropped ones removed, so that {@code tf.train.Checkpoint} restores the new checkpoint; null
   * when there is none or nothing changed.
   */
  private static byte[] objectGraph(CheckpointReader ckpt, Set<String> dropped, Map<String, String> renamed)
      throws IOException {
    if (ckpt.variable(BundleReader.OBJECT_GRAPH_KEY).isEmpty() || dropped.contains(BundleReader.OBJECT_GRAPH_KEY)
        || (dropped.isEmpty() && renamed.isEmpty())) {
      return null;
    }
    Tensor t = ckpt.read(BundleReader.OBJECT_GRAPH_KEY);
    if (t.dtype() != DType.STRING || t.elements().size() != 1) {
      return null;
    }
    TrackableObjectGraph g;
    try {
      g = TrackableObjectGraph.parseFrom(t.elements().get(0));
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return null; // written as it is; the reader already warned
    }
    TrackableObjectGraph.Builder b = g.toBuilder();
    for (TrackableObjectGraph.TrackableObject.Builder node : b.getNodesBuilderList()) {
      for (int i = node.getAttributesCount() - 1; i >= 0; i--) {
        String key = node.getAttributes(i).getCheckpointKey();
        if (dropped.contains(key)) {
          node.removeAttributes(i);
        } else if (renamed.containsKey(key)) {
          node.getAttributesBuilder(i).setCheckpointKey(renamed.get(key));
        }
      }
    }
    return b.build().toByteArray();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
