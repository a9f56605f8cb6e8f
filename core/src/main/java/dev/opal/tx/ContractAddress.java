package dev.opal.tx;

import dev.opal.crypto.Keccak;
import dev.opal.rlp.Rlp;
import dev.opal.types.Address;
import dev.opal.types.Hash;

/** Where CREATE and CREATE2 put a new contract (Yellow Paper §7; EIP-1014). */
public final class ContractAddress {
  private ContractAddress() {}

  /** {@code keccak256(rlp([sender, nonce]))[12:]}. */
  public static Address create(Address sender, long nonce) {
    return Address.fromWord(Keccak.hash(Rlp.list(Rlp.address(sender), Rlp.uint(nonce))));
  }

  /** {@code keccak256(0xff ‖ sender ‖ salt ‖ keccak256(initCode))[12:]}. */
  public static Address create2(Address sender, Hash salt, byte[] initCode) {
    byte[] preimage = Rlp.concat(new byte[] {(byte) 0xff}, sender.toArrayUnsafe(), salt.toArrayUnsafe(), Keccak.hash(initCode));
    return Address.fromWord(Keccak.hash(preimage));
  }
}
