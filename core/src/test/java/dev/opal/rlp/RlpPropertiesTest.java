package dev.opal.rlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class RlpPropertiesTest {

  @Property
  void bytesRoundTrip(@ForAll @Size(max = 300) byte[] value) {
    RlpReader r = Rlp.reader(Rlp.bytes(value));
    assertThat(r.readBytes()).isEqualTo(value);
    r.ensureDone();
  }

  @Property
  void unsignedLongsRoundTrip(@ForAll long value) {
    RlpReader r = Rlp.reader(Rlp.uint(value));
    assertThat(r.readLong()).isEqualTo(value);
    assertThat(Rlp.reader(Rlp.uint(value)).readBigInteger())
        .isEqualTo(new BigInteger(Long.toUnsignedString(value)));
  }

  @Property
  void listsRoundTrip(@ForAll @Size(max = 40) byte[][] items) {
    byte[][] encoded = new byte[items.length][];
    for (int i = 0; i < items.length; i++) encoded[i] = Rlp.bytes(items[i]);
    RlpReader list = Rlp.reader(Rlp.list(Rlp.list(encoded), Rlp.EMPTY_LIST)).enterList();
    RlpReader inner = list.enterList();
    for (byte[] item : items) assertThat(inner.readBytes()).isEqualTo(item);
    assertThat(inner.hasNext()).isFalse();
    assertThat(list.enterList().hasNext()).isFalse();
  }
}
