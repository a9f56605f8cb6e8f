package dev.opal.crypto;

import dev.opal.types.Bytes;
import dev.opal.types.Hash;

/** Keccak-256 (the pre-standard SHA-3 padding Ethereum uses); see {@link KeccakF} for the permutation. */
public final class Keccak {
  /** keccak256 of the empty string: the code hash of an account without code. */
  public static final Hash EMPTY = Hash.fromHex("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  /** keccak256(rlp("")): the root of an empty trie. */
  public static final Hash EMPTY_TRIE_ROOT =
      Hash.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");


  private Keccak() {}

  public static byte[] hash(byte[] input) {
    return hash(input, 0, input.length);
  }

  public static byte[] hash(byte[] input, int offset, int length) {
    return KeccakF.keccak256(input, offset, length);
  }

  public static Hash hash256(byte[] input) {
    return Hash.wrap(hash(input));
  }

  public static Hash hash256(Bytes input) {
    return Hash.wrap(hash(input.toArrayUnsafe()));
  }
}
