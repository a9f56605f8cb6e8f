package dev.opal.evm.precompile;

import dev.opal.crypto.Secp256k1;
import dev.opal.types.Address;
import java.math.BigInteger;
import java.util.Optional;

/** 0x01 ECRECOVER: the address that signed a hash; empty output for any invalid input (Yellow Paper appendix E). */
final class EcRecover implements Precompile {
  private static final BigInteger V27 = BigInteger.valueOf(27);

  @Override
  public long gasCost(byte[] input) {
    return 3000;
  }

  @Override
  public byte[] execute(byte[] input) {
    byte[] hash = Input.slice(input, 0, 32);
    BigInteger v = Input.uint(input, 32, 32);
    BigInteger r = Input.uint(input, 64, 32);
    BigInteger s = Input.uint(input, 96, 32);
    int recId = v.subtract(V27).intValue();
    if (v.bitLength() > 8 || (recId != 0 && recId != 1)) return new byte[0];
    // the precompile accepts high s values; only the transaction signature rule (EIP-2) forbids them
    Optional<Address> a = Secp256k1.recoverAddress(hash, r, s, recId, false);
    return a.map(address -> Input.leftPad(address.toArray(), 32)).orElseGet(() -> new byte[0]);
  }
}
