package dev.opal.block;

import dev.opal.rlp.Rlp;
import dev.opal.rlp.RlpReader;
import dev.opal.types.Address;

/**
 * An EIP-4895 withdrawal: {@code amount} is in gwei. OP blocks carry an empty withdrawal list from
 * Canyon (Shanghai) on.
 */
public record Withdrawal(long index, long validatorIndex, Address address, long amountGwei) {

  public byte[] encode() {
    return Rlp.list(Rlp.uint(index), Rlp.uint(validatorIndex), Rlp.address(address), Rlp.uint(amountGwei));
  }

  public static Withdrawal decode(RlpReader r) {
    RlpReader w = r.enterList();
    Withdrawal out = new Withdrawal(w.readLong(), w.readLong(), w.readAddress(), w.readLong());
    w.ensureDone();
    return out;
  }
}
