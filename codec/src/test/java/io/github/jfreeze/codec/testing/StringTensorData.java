package io.github.jfreeze.codec.testing;

import io.github.jfreeze.codec.internal.Crc32c;
import io.github.jfreeze.codec.internal.Varints;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.CRC32C;

/** String and variant tensor data laid out as TF's BundleWriter writes it, with the entry CRC. */
public final class StringTensorData {
  private StringTensorData() {}

  /** WriteStringTensor: varint lengths, masked length CRC (native order), the bytes; entry CRC out. */
  public static byte[] strings(List<byte[]> strings, boolean bigEndian, int[] entryCrc) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CRC32C crc = new CRC32C();
    ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    for (byte[] s : strings) {
      Varints.writeVarint64(out, s.length);
      crc.update(ByteBuffer.allocate(4).order(order).putInt(s.length).array());
    }
    byte[] lengthCrc = ByteBuffer.allocate(4).order(order).putInt(Crc32c.mask((int) crc.getValue())).array();
    out.writeBytes(lengthCrc);
    crc.update(lengthCrc);
    for (byte[] s : strings) {
      out.writeBytes(s);
      crc.update(s);
    }
    entryCrc[0] = Crc32c.mask((int) crc.getValue());
    return out.toByteArray();
  }

  /** WriteVariantTensor: per element varint length, bytes, masked running CRC. */
  public static byte[] variant(List<byte[]> elements, int[] entryCrc) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CRC32C crc = new CRC32C();
    for (byte[] e : elements) {
      Varints.writeVarint64(out, e.length);
      crc.update(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(e.length).array());
      out.writeBytes(e);
      crc.update(e);
      byte[] c = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(Crc32c.mask((int) crc.getValue())).array();
      out.writeBytes(c);
      crc.update(c);
    }
    entryCrc[0] = Crc32c.mask((int) crc.getValue());
    return out.toByteArray();
  }
}
