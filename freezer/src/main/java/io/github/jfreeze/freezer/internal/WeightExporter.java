package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.codec.internal.JsonStrings;
import io.github.jfreeze.freezer.ExportOptions;
import io.github.jfreeze.freezer.ExportOptions.Format;
import io.github.jfreeze.freezer.ExportReport;
import io.github.jfreeze.freezer.ExportReport.Exported;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeException.Reason;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A checkpoint's weights as one safetensors or {@code .npz} file, in pure Java.
 *
 * <p>Which tensors: every variable, named by its variable name (a TF2 object-graph key's friendly
 * name) unless keys are asked for, less optimizer slots and bookkeeping ({@link #bookkeeping}),
 * then {@code include}/{@code exclude}. Partitioned variables are written whole. Each tensor is read
 * and written in turn. Fixed-size V2 tensors are copied straight from the data file (CRC32C checked
 * on the way; for a {@code .npz} entry, read twice: once for the CRC-32 a stored entry declares up
 * front); others (partitioned, V1, strings) are assembled one at a time, so memory holds at most the
 * largest of those.
 */
public final class WeightExporter {
  private WeightExporter() {}

  /** safetensors' names for the dtypes it holds. */
  private static final Map<DType, String> SAFETENSORS = Map.ofEntries(Map.entry(DType.FLOAT16, "F16"),
      Map.entry(DType.BFLOAT16, "BF16"), Map.entry(DType.FLOAT32, "F32"), Map.entry(DType.FLOAT64, "F64"),
      Map.entry(DType.INT8, "I8"), Map.entry(DType.INT16, "I16"), Map.entry(DType.INT32, "I32"),
      Map.entry(DType.INT64, "I64"), Map.entry(DType.UINT8, "U8"), Map.entry(DType.UINT16, "U16"),
      Map.entry(DType.UINT32, "U32"), Map.entry(DType.UINT64, "U64"), Map.entry(DType.BOOL, "BOOL"),
      Map.entry(DType.FLOAT8_E5M2, "F8_E5M2"), Map.entry(DType.FLOAT8_E4M3FN, "F8_E4M3"));

  /** NumPy's type strings ({@code descr}) for the dtypes it has; strings are {@code |S<n>}. */
  private static final Map<DType, String> NUMPY = Map.ofEntries(Map.entry(DType.FLOAT16, "<f2"),
      Map.entry(DType.FLOAT32, "<f4"), Map.entry(DType.FLOAT64, "<f8"), Map.entry(DType.INT8, "|i1"),
      Map.entry(DType.INT16, "<i2"), Map.entry(DType.INT32, "<i4"), Map.entry(DType.INT64, "<i8"),
      Map.entry(DType.UINT8, "|u1"), Map.entry(DType.UINT16, "<u2"), Map.entry(DType.UINT32, "<u4"),
      Map.entry(DType.UINT64, "<u8"), Map.entry(DType.BOOL, "|b1"), Map.entry(DType.COMPLEX64, "<c8"),
      Map.entry(DType.COMPLEX128, "<c16"));

  /** TF1 optimizers' slot variables: {@code <variable>/<suffix>}. */
  private static final Pattern TF1_SLOT = Pattern.compile(".+/(Adam|Adam_1|Momentum|RMSProp|RMSProp_1|Adagrad|"
      + "AdagradDA|AdagradDA_1|Adadelta|Adadelta_1|Ftrl|Ftrl_1|ProximalAdagrad|Nadam|Nadam_1|Adamax|Adamax_1)");

  private record Selected(VariableInfo info, String name) {}

  /**
   * Exports as {@code o} says.
   *
   * @param o the options
   * @return what was written
   * @throws FreezeException for a model without a checkpoint, tensors the format cannot hold, or
   *     two tensors that would get one name
   * @throws IOException if reading or writing fails
   */
  public static ExportReport export(ExportOptions o) throws IOException {
    ModelLocation loc = ModelLocator.locate(o.input());
    if (!loc.hasCheckpoint()) {
      throw new FreezeException(Reason.NO_CHECKPOINT, o.input(), "holds no checkpoint to export weights from");
    }
    List<Pattern> include = patterns(o.include(), "include");
    List<Pattern> exclude = patterns(o.exclude(), "exclude");
    try (CheckpointReader ckpt = loc.openCheckpoint()) {
      Path target = AtomicOutput.check(o.output(), loc.readPaths(null, ckpt), o.force(), false);
      List<Selected> selected = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      Map<String, String> keyOfName = new HashMap<>();
      List<String> problems = new ArrayList<>();
      for (VariableInfo v : ckpt.variables()) {
        String name = o.keepKeys() || !v.hasFriendlyName() ? v.key() : v.name();
        if (!o.all() && bookkeeping(v.key(), name)) {
          skipped.add(v.key());
          continue;
        }
        if ((!include.isEmpty() && !matches(include, name, v.key())) || matches(exclude, name, v.key())) {
          continue;
        }
        String other = keyOfName.putIfAbsent(name, v.key());
        if (other != null) {
          problems.add("keys '" + other + "' and '" + v.key() + "' both have the name '" + name + "' (ExportOptions.keepKeys "
              + "names tensors by key)");
          continue;
        }
        String unsupported = unsupported(o.format(), v.dtype());
        if (unsupported != null) {
          problems.add("'" + name + "' holds " + v.dtype() + " values, " + unsupported);
          continue;
        }
        selected.add(new Selected(v, name));
      }
      if (!problems.isEmpty()) {
        throw new FreezeException(Reason.UNSUPPORTED, o.input(), "cannot export: " + String.join("; ",
            problems.subList(0, Math.min(8, problems.size()))) + (problems.size() > 8 ? "; and " + (problems.size() - 8)
            + " more" : "") + " (leave them out with ExportOptions.exclude)");
      }
      selected.sort((a, b) -> a.name().compareTo(b.name()));
      List<Exported> written = new ArrayList<>();
      long size = AtomicOutput.writeFile(target, o.force(), (stream, channel) -> {
        if (o.format() == Format.SAFETENSORS) {
          writeSafetensors(ckpt, loc, selected, channel, written);
        } else {
          writeNpz(ckpt, selected, stream, written);
        }
      });
      return new ExportReport(target, size, written, skipped);
    }
  }

  /** Optimizer slots and bookkeeping: not weights a model is loaded with. */
  static boolean bookkeeping(String key, String name) {
    return key.equals("_CHECKPOINTABLE_OBJECT_GRAPH") || key.contains("/.OPTIMIZER_SLOT/")
        || key.startsWith("optimizer/") || key.startsWith("save_counter/") || key.equals("global_step")
        || key.equals("beta1_power") || key.equals("beta2_power") || TF1_SLOT.matcher(name).matches();
  }

  private static String unsupported(Format format, DType d) {
    if (format == Format.SAFETENSORS) {
      return SAFETENSORS.containsKey(d) ? null : "which safetensors has no dtype for"
          + (NUMPY.containsKey(d) || d == DType.STRING ? " (npz holds it)" : "");
    }
    if (NUMPY.containsKey(d) || d == DType.STRING) {
      return null;
    }
    return "which NumPy has no dtype for" + (SAFETENSORS.containsKey(d) ? " (safetensors holds it)" : "");
  }

  static List<Pattern> patterns(List<String> given, String what) {
    List<Pattern> out = new ArrayList<>();
    for (String p : given) {
      try {
        out.add(Pattern.compile(p));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(what + " '" + p + "' is not a valid regular expression: "
            + e.getDescription(), e);
      }
    }
    return out;
  }

  static boolean matches(List<Pattern> patterns, String name, String key) {
    for (Pattern p : patterns) {
      if (p.matcher(name).matches() || p.matcher(key).matches()) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------- safetensors

  private static void writeSafetensors(CheckpointReader ckpt, ModelLocation loc, List<Selected> selected,
      WritableByteChannel channel, List<Exported> written) throws IOException {
    StringBuilder h = new StringBuilder("{\"__metadata__\":{");
    JsonStrings.quote(h, "format", false).append(':');
    JsonStrings.quote(h, "tf", false).append(',');
    JsonStrings.quote(h, "producer", false).append(':');
    JsonStrings.quote(h, "jfreeze", false).append(',');
    JsonStrings.quote(h, "source", false).append(':');
    JsonStrings.quote(h, String.valueOf(loc.checkpoint()), false);
    for (Selected s : selected) {
      if (!s.name().equals(s.info().key())) {
        h.append(',');
        JsonStrings.quote(h, "tf_key:" + s.name(), false).append(':');
        JsonStrings.quote(h, s.info().key(), false);
      }
    }
    h.append('}');
    long offset = 0;
    for (Selected s : selected) {
      long bytes = s.info().byteSize();
      h.append(',');
      JsonStrings.quote(h, s.name(), false).append(":{\"dtype\":\"").append(SAFETENSORS.get(s.info().dtype()))
          .append("\",\"shape\":[");
      long[] dims = s.info().shape().dims();
      for (int i = 0; i < dims.length; i++) {
        h.append(i == 0 ? "" : ",").append(dims[i]);
      }
      h.append("],\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
      offset += bytes;
    }
    h.append('}');
    byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (header.length + 7) / 8 * 8; // the data starts 8-byte aligned, as safetensors writes it
    ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    head.putLong(padded).put(header);
    while (head.hasRemaining()) {
      head.put((byte) ' ');
    }
    head.flip();
    while (head.hasRemaining()) {
      channel.write(head);
    }
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    for (Selected s : selected) {
      String key = s.info().key();
      long bytes;
      if (ckpt.isRawCopyable(key)) {
        bytes = ckpt.copyRaw(key, channel, buffer);
      } else {
        ByteBuffer data = ckpt.read(key).data();
        bytes = data.remaining();
        while (data.hasRemaining()) {
          channel.write(data);
        }
      }
      written.add(exported(s, bytes));
    }
  }

  // ------------------------------------------------------------------------------- npz

  private static void writeNpz(CheckpointReader ckpt, List<Selected> selected, OutputStream stream, List<Exported> written)
      throws IOException {
    ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(stream, 1 << 16));
    zip.setLevel(0);
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    WritableByteChannel toZip = Channels.newChannel(zip);
    for (Selected s : selected) {
      String key = s.info().key();
      if (ckpt.isRawCopyable(key)) {
        // streamed twice from the data file (the page cache keeps the second read cheap): once for
        // the CRC a stored ZIP entry declares up front, once into the entry; nothing held in memory
        byte[] header = npyHeader(NUMPY.get(s.info().dtype()), s.info().shape().dims());
        CRC32 crc = new CRC32();
        crc.update(header);
        long bytes = ckpt.copyRaw(key, io.github.jfreeze.codec.internal.ByteSink.channel(crc::update), buffer);
        ZipEntry e = storedEntry(s.name(), header.length + bytes, crc.getValue());
        zip.putNextEntry(e);
        zip.write(header);
        zip.flush();
        ckpt.copyRaw(key, toZip, buffer);
        zip.closeEntry();
        written.add(exported(s, bytes));
        continue;
      }
      Tensor t = ckpt.read(key);
      byte[] data;
      String descr;
      if (t.dtype() == DType.STRING) {
        int width = 1;
        for (byte[] e : t.elements()) {
          width = Math.max(width, e.length);
          if (e.length > 0 && e[e.length - 1] == 0) {
            throw new FreezeException(Reason.UNSUPPORTED, null, "'" + s.name() + "' holds a string ending in a NUL "
                + "byte, which a NumPy bytes array cannot keep; leave it out with ExportOptions.exclude");
          }
        }
        long total = (long) width * t.elements().size();
        if (total > Integer.MAX_VALUE - 8) {
          throw new FreezeException(Reason.TOO_LARGE, null, "'" + s.name() + "' would take " + total + " bytes as a "
              + "NumPy bytes array (" + t.elements().size() + " strings padded to " + width + " bytes), more than one "
              + "npz entry is built in (2 GiB); leave it out with ExportOptions.exclude");
        }
        data = new byte[(int) total];
        int at = 0;
        for (byte[] e : t.elements()) {
          System.arraycopy(e, 0, data, at, e.length);
          at += width;
        }
        descr = "|S" + width;
      } else {
        data = t.toByteArray();
        descr = NUMPY.get(t.dtype());
      }
      byte[] header = npyHeader(descr, s.info().shape().dims());
      CRC32 crc = new CRC32();
      crc.update(header);
      crc.update(data);
      zip.putNextEntry(storedEntry(s.name(), header.length + (long) data.length, crc.getValue()));
      zip.write(header);
      zip.write(data);
      zip.closeEntry();
      written.add(exported(s, data.length));
    }
    zip.finish();
    zip.flush();
  }

  /** A stored (uncompressed) entry, as {@code np.savez} writes them; ZIP64 where it is over 4 GiB. */
  private static ZipEntry storedEntry(String name, long size, long crc) {
    ZipEntry e = new ZipEntry(name + ".npy");
    e.setMethod(ZipEntry.STORED);
    e.setSize(size);
    e.setCompressedSize(size);
    e.setCrc(crc);
    e.setTime(0); // the same checkpoint gives the same bytes
    return e;
  }

  /** A version 1.0 {@code .npy} header: magic, version, length, the dict, padded to 64 bytes. */
  static byte[] npyHeader(String descr, long[] dims) {
    StringBuilder shape = new StringBuilder("(");
    for (int k = 0; k < dims.length; k++) {
      shape.append(k == 0 ? "" : ", ").append(dims[k]);
    }
    shape.append(dims.length == 1 ? ",)" : ")");
    String text = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int total = 10 + text.length() + 1;
    int pad = (64 - total % 64) % 64;
    String dict = text + " ".repeat(pad) + "\n";
    byte[] d = dict.getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer b = ByteBuffer.allocate(10 + d.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 1).put((byte) 0)
        .putShort((short) d.length).put(d);
    return b.array();
  }

  private static Exported exported(Selected s, long bytes) {
    List<Long> shape = new ArrayList<>();
    for (long d : s.info().shape().dims()) {
      shape.add(d);
    }
    return new Exported(s.name(), s.info().key(), s.info().dtype().pythonName(), shape, bytes);
  }
}
