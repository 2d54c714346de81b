package io.github.jfreeze.codec.bundle;

import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.codec.internal.Crc32c;
import io.github.jfreeze.codec.internal.Varints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The two variable-length layouts of bundle data (tensor_bundle.cc {@code WriteStringTensor},
 * {@code WriteVariantTensor}), read and written.
 *
 * <pre>
 * string:  varint64 len[0..n) | fixed32 Mask(crc of lengths) | bytes str[0] ... str[n-1]
 *          the length CRC covers each length as a native uint32 (uint64 when it exceeds 2^32-1),
 *          not the varint bytes; the entry CRC continues over the 4 checksum bytes and the strings.
 * variant: per element: varint64 len | len bytes (VariantTensorDataProto) | fixed32 Mask(crc so far)
 *          the running CRC covers each len as uint64, the bytes, and each earlier checksum.
 * </pre>
 */
final class StringTensors {
  private static final byte[] EMPTY = new byte[0];

  private StringTensors() {}

  static Tensor decode(String key, TensorShape shape, ByteBuffer data, int storedCrc, boolean bigEndian, Path file,
      long base) throws CorruptFileException {
    ByteBuffer buf = data.duplicate();
    long n = shape.numElements();
    if (n > buf.remaining()) {
      throw new CorruptFileException(file, base, "string tensor '" + key + "' of " + n + " elements cannot fit in "
          + buf.remaining() + " bytes");
    }
    CRC32C crc = new CRC32C();
    long total = 0;
    for (int i = 0; i < n; i++) {
      long len = Varints.readVarint64(buf, file, base - data.position());
      if (len < 0 || len > buf.remaining()) {
        throw new CorruptFileException(file, base + buf.position() - data.position(), "string " + i + " of tensor '" + key
            + "' claims " + Long.toUnsignedString(len) + " bytes but only " + buf.remaining() + " remain");
      }
      total += len;
      update(crc, len, len <= 0xffffffffL ? 4 : 8, bigEndian);
    }
    if (buf.remaining() < 4) {
      throw CorruptFileException.truncated(file, base + buf.position() - data.position(), 4, buf.remaining());
    }
    int checksumPos = buf.position();
    int storedLengthCrc = buf.duplicate().order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).getInt();
    int lengthCrc = Crc32c.mask((int) crc.getValue());
    if (storedLengthCrc != lengthCrc) {
      throw new CorruptFileException(file, base + checksumPos - data.position(), String.format(
          "the length checksum of string tensor '%s' does not match: stored 0x%08x vs. calculated 0x%08x",
          key, storedLengthCrc, lengthCrc));
    }
    crc.update(buf.slice(buf.position(), 4));
    buf.position(buf.position() + 4);
    if (total != buf.remaining()) {
      throw new CorruptFileException(file, base, "string tensor '" + key + "': lengths add up to " + total
          + " bytes but " + buf.remaining() + " follow the length checksum");
    }
    crc.update(buf.duplicate());
    int actual = Crc32c.mask((int) crc.getValue());
    if (actual != storedCrc) {
      throw CorruptFileException.tensorChecksumMismatch(file, base, key, storedCrc, actual);
    }
    // a second pass over the lengths (checked above) rather than an array of n of them; a shared
    // empty array for "" so that the elements cost little more than the bytes they come from
    ByteBuffer lengths = data.duplicate();
    List<byte[]> out = new ArrayList<>((int) n);
    for (long i = 0; i < n; i++) {
      long len = Varints.readVarint64(lengths, file, base - data.position());
      byte[] s = len == 0 ? EMPTY : new byte[(int) len];
      buf.get(s);
      out.add(s);
    }
    return Tensor.ofElements(DType.STRING, shape, out);
  }

  static Tensor decodeVariant(String key, TensorShape shape, ByteBuffer data, int storedCrc, Path file, long base)
      throws CorruptFileException {
    ByteBuffer buf = data.duplicate();
    long n = shape.numElements();
    if (n > buf.remaining()) {
      throw new CorruptFileException(file, base, "variant tensor '" + key + "' of " + n + " elements cannot fit in "
          + buf.remaining() + " bytes");
    }
    CRC32C crc = new CRC32C();
    List<byte[]> out = new ArrayList<>((int) n);
    for (long i = 0; i < n; i++) {
      long len = Varints.readVarint64(buf, file, base - data.position());
      if (len < 0 || len > buf.remaining() - 4L) {
        throw new CorruptFileException(file, base + buf.position() - data.position(), "variant element " + i + " of '"
            + key + "' claims " + Long.toUnsignedString(len) + " bytes but only " + buf.remaining() + " remain");
      }
      update(crc, len, 8, false);
      byte[] elem = len == 0 ? EMPTY : new byte[(int) len];
      buf.get(elem);
      crc.update(elem);
      int stored = buf.order(ByteOrder.LITTLE_ENDIAN).getInt();
      int expected = Crc32c.mask((int) crc.getValue());
      if (stored != expected) {
        throw new CorruptFileException(file, base + buf.position() - 4 - data.position(), String.format(
            "checksum of variant element %d of '%s' does not match: stored 0x%08x vs. calculated 0x%08x",
            i, key, stored, expected));
      }
      update(crc, stored, 4, false);
      out.add(elem);
    }
    int actual = Crc32c.mask((int) crc.getValue());
    if (buf.hasRemaining() || actual != storedCrc) {
      throw CorruptFileException.tensorChecksumMismatch(file, base, key, storedCrc, actual);
    }
    return Tensor.ofElements(DType.VARIANT, shape, out);
  }

  /**
   * Writes a string tensor's data as {@code WriteStringTensor} does (little-endian).
   *
   * @param elements the strings, row-major
   * @param out where the bytes go
   * @return the entry's masked CRC32C: over the lengths as integers, the length checksum and the bytes
   * @throws IOException if writing fails
   */
  static int writeStrings(List<byte[]> elements, WritableByteChannel out) throws IOException {
    ByteArrayOutputStream lengths = new ByteArrayOutputStream(elements.size() + 4);
    CRC32C crc = new CRC32C();
    for (byte[] e : elements) {
      Varints.writeVarint64(lengths, e.length);
      update(crc, e.length, 4, false); // an element is a Java array: always under 2^32 bytes
    }
    int lengthCrc = Crc32c.mask((int) crc.getValue());
    update(crc, lengthCrc, 4, false);
    lengths.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(lengthCrc).array());
    writeFully(out, ByteBuffer.wrap(lengths.toByteArray()));
    for (byte[] e : elements) {
      crc.update(e);
      writeFully(out, ByteBuffer.wrap(e));
    }
    return Crc32c.mask((int) crc.getValue());
  }

  /**
   * Writes a variant tensor's data as {@code WriteVariantTensor} does.
   *
   * @param elements the serialized {@code VariantTensorDataProto} of each element
   * @param out where the bytes go
   * @return the entry's masked CRC32C
   * @throws IOException if writing fails
   */
  static int writeVariant(List<byte[]> elements, WritableByteChannel out) throws IOException {
    CRC32C crc = new CRC32C();
    for (byte[] e : elements) {
      ByteArrayOutputStream len = new ByteArrayOutputStream(10);
      Varints.writeVarint64(len, e.length);
      writeFully(out, ByteBuffer.wrap(len.toByteArray()));
      update(crc, e.length, 8, false);
      crc.update(e);
      writeFully(out, ByteBuffer.wrap(e));
      int check = Crc32c.mask((int) crc.getValue());
      update(crc, check, 4, false);
      writeFully(out, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, check));
    }
    return Crc32c.mask((int) crc.getValue());
  }

  private static void writeFully(WritableByteChannel out, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      out.write(b);
    }
  }

  /** Continues a running checksum with {@code value} as a {@code bytes}-byte integer. */
  private static void update(CRC32C crc, long value, int bytes, boolean bigEndian) {
    ByteBuffer b = ByteBuffer.allocate(8).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    if (bytes == 4) {
      b.putInt((int) value);
    } else {
      b.putLong(value);
    }
    crc.update(b.array(), 0, bytes);
  }
}
