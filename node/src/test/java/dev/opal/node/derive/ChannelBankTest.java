package dev.opal.node.derive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.types.Bytes;
import org.junit.jupiter.api.Test;

/** The pre-Holocene channel bank as OP specs protocol/derivation.md "Channel Bank" describes it. */
class ChannelBankTest {
  private static final long TIMEOUT = 300;
  private static final long BIG = 100_000_000;

  private final ChannelBank bank = new ChannelBank();

  @Test
  void framesMayArriveInAnyOrderAndChannelsInterleave() {
    bank.ingest(frame('a', 1, "bb", false), 10, TIMEOUT, BIG);
    bank.ingest(frame('b', 0, "xx", true), 10, TIMEOUT, BIG);
    bank.ingest(frame('a', 2, "cc", true), 11, TIMEOUT, BIG);
    assertThat(bank.read(11, TIMEOUT, false)).as("the oldest channel, a, is not complete: b waits behind it before Canyon").isNull();
    bank.ingest(frame('a', 0, "aa", false), 12, TIMEOUT, BIG);

    ChannelAssembler.ReadyChannel first = bank.read(12, TIMEOUT, false);
    assertThat(first.id()).isEqualTo(id('a'));
    assertThat(new String(first.data())).isEqualTo("aabbcc");
    assertThat(first.openedAtL1()).isEqualTo(10);
    assertThat(bank.read(12, TIMEOUT, false).id()).isEqualTo(id('b'));
    assertThat(bank.read(12, TIMEOUT, false)).isNull();
    assertThat(bank.size()).isZero();
  }

  @Test
  void fromCanyonTheFirstReadyChannelIsRead() {
    bank.ingest(frame('a', 1, "bb", true), 10, TIMEOUT, BIG);
    bank.ingest(frame('b', 0, "xx", true), 10, TIMEOUT, BIG);
    assertThat(bank.read(10, TIMEOUT, true).id()).isEqualTo(id('b'));
    assertThat(bank.read(10, TIMEOUT, true)).isNull();
  }

  @Test
  void duplicatesAndFramesPastTheEndAreIgnored() {
    bank.ingest(frame('a', 0, "aa", false), 10, TIMEOUT, BIG);
    bank.ingest(frame('a', 0, "zz", false), 10, TIMEOUT, BIG); // duplicate: the first one stays
    bank.ingest(frame('a', 3, "dd", false), 10, TIMEOUT, BIG); // will lie past the end
    bank.ingest(frame('a', 1, "bb", true), 10, TIMEOUT, BIG); // the last frame: frame 3 goes
    bank.ingest(frame('a', 2, "cc", false), 10, TIMEOUT, BIG); // past the end
    bank.ingest(frame('a', 1, "qq", true), 10, TIMEOUT, BIG); // a second last frame
    assertThat(bank.size()).as("frames 0 and 1 with 200 bytes of overhead each").isEqualTo(2 * (2 + ChannelBank.FRAME_OVERHEAD));
    assertThat(new String(bank.read(10, TIMEOUT, false).data())).isEqualTo("aabb");
  }

  @Test
  void aTimedOutChannelIsDroppedAndItsLateFramesIgnored() {
    bank.ingest(frame('a', 0, "aa", false), 10, TIMEOUT, BIG);
    bank.ingest(frame('b', 0, "xx", true), 11, TIMEOUT, BIG);
    bank.ingest(frame('a', 1, "bb", true), 10 + TIMEOUT + 1, TIMEOUT, BIG); // too late for a
    assertThat(bank.read(10 + TIMEOUT + 1, TIMEOUT, false).id()).as("a timed out, so b is the oldest").isEqualTo(id('b'));
    assertThat(bank.read(10 + TIMEOUT + 1, TIMEOUT, false)).isNull();
  }

  @Test
  void theOldestChannelsGoWhenTheBankIsFull() {
    long limit = 2 * (100 + ChannelBank.FRAME_OVERHEAD);
    bank.ingest(frame('a', 0, "a".repeat(100), false), 10, TIMEOUT, limit);
    bank.ingest(frame('b', 0, "b".repeat(100), false), 10, TIMEOUT, limit);
    bank.ingest(frame('c', 0, "c".repeat(100), true), 10, TIMEOUT, limit);
    assertThat(bank.size()).isEqualTo(limit);
    bank.ingest(frame('a', 1, "a", true), 10, TIMEOUT, limit); // a was dropped: this starts a new, incomplete channel a
    assertThat(bank.read(10, TIMEOUT, true).id()).isEqualTo(id('c'));
  }

  private static Bytes id(char c) {
    byte[] b = new byte[16];
    b[0] = (byte) c;
    return Bytes.wrap(b);
  }

  private static Frame frame(char channel, int number, String data, boolean last) {
    return new Frame(id(channel), number, Bytes.wrap(data.getBytes()), last);
  }
}
