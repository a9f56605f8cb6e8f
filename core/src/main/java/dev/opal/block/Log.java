package dev.opal.block;

import dev.opal.rlp.Rlp;
import dev.opal.rlp.RlpReader;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.util.ArrayList;
import java.util.List;

/** An event log as consensus sees it: emitter, up to four topics, data. */
public record Log(Address address, List<Hash> topics, Bytes data) {
  public Log {
    topics = List.copyOf(topics);
  }

  public byte[] encode() {
    List<byte[]> t = new ArrayList<>(topics.size());
    for (Hash h : topics) t.add(Rlp.hash(h));
    return Rlp.list(Rlp.address(address), Rlp.list(t), Rlp.bytes(data));
  }

  public static Log decode(RlpReader r) {
    RlpReader l = r.enterList();
    Address address = l.readAddress();
    RlpReader tr = l.enterList();
    List<Hash> topics = new ArrayList<>();
    while (tr.hasNext()) topics.add(tr.readHash());
    Bytes data = l.readBytesValue();
    l.ensureDone();
    return new Log(address, topics, data);
  }

  /** RLP of a list of logs; its keccak is the state tests' {@code logs} hash. */
  public static byte[] encodeList(List<Log> logs) {
    List<byte[]> items = new ArrayList<>(logs.size());
    for (Log log : logs) items.add(log.encode());
    return Rlp.list(items);
  }
}
