package dev.opal.execution.miner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Payload ids against op-alloy's op-geth parity vectors (op-alloy rpc-types-engine attributes.rs,
 * test_payload_id_parity_op_geth): an Ecotone block with one L1-info deposit.
 */
class PayloadIdsTest {
  private static final Bytes L1_INFO_TX = Bytes.fromHex(
      "0x7ef8f8a0dc19cfa777d90980e4875d0a548a881baaa3f83f14d1bc0d3038bc329350e54194deaddeaddeaddeaddeaddeaddeaddeaddead00019442000000000000000000000000000000000000158080830f424080b8a4440a5e20000f424000000000000000000000000300000000670d6d890000000000000125000000000000000000000000000000000000000000000000000000000000000700000000000000000000000000000000000000000000000000000000000000014bf9181db6e381d4384bbf69c48b0ee0eed23c6ca26143c6d2544f9d39997a590000000000000000000000007f83d659683caf2767fd3c720981d51f5bc365bc");
  private static final Hash PARENT = Hash.fromHex("0x3533bf30edaf9505d0810bf475cbe4e5f4b9889904b9845e83efdeab4e92eb1e");

  private static PayloadAttributes attributes(Long minBaseFee) {
    return new PayloadAttributes(1728933301L, Hash.fromHex("0x9158595abbdab2c90635087619aa7042bbebe47642dfab3c9bfb934f6b082765"),
        Address.fromHex("0x4200000000000000000000000000000000000011"), List.of(),
        Hash.fromHex("0x8fe0193b9bf83cb7e5a08538e494fecc23046aab9a497af3704f4afdae3250ff"), List.of(L1_INFO_TX), false,
        30_000_000L, null, minBaseFee);
  }

  @Test
  void matchesOpGethForEcotoneAttributes() {
    assertThat(PayloadIds.of(PARENT, attributes(null), 3).toHex()).isEqualTo("0x03d2dae446d2a86a");
  }

  @Test
  void minBaseFeeAndVersionEnterTheId() {
    assertThat(PayloadIds.of(PARENT, attributes(100L), 4).toHex()).isEqualTo("0x046c65ffc4d659ec");
  }
}
