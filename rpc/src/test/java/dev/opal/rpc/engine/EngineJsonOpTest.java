package dev.opal.rpc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.rpc.json.InvalidParamsException;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import org.junit.jupiter.api.Test;

/** The OP Stack's extensions of the Engine API JSON (OP specs exec-engine.md) and the peers' wire quirks. */
class EngineJsonOpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s.replace('\'', '"'));
  }

  private static final String JOVIAN_ATTRIBUTES = """
      {'timestamp':'0x6710e3b5','prevRandao':'0x9158595abbdab2c90635087619aa7042bbebe47642dfab3c9bfb934f6b082765',
       'suggestedFeeRecipient':'0x4200000000000000000000000000000000000011','withdrawals':[],
       'parentBeaconBlockRoot':'0x8fe0193b9bf83cb7e5a08538e494fecc23046aab9a497af3704f4afdae3250ff',
       'transactions':['0x7e01'],'noTxPool':true,'gasLimit':'0x1c9c380','eip1559Params':'0x000000fa00000006',
       'minBaseFee':100}""";

  @Test
  void opPayloadAttributesRoundTripWithMinBaseFeeAsAPlainNumber() throws Exception {
    PayloadAttributes a = EngineJson.payloadAttributes(json(JOVIAN_ATTRIBUTES));
    assertThat(a.noTxPool()).isTrue();
    assertThat(a.gasLimit()).isEqualTo(30_000_000L);
    assertThat(a.eip1559Params()).isEqualTo(Bytes.fromHex("0x000000fa00000006"));
    assertThat(a.minBaseFee()).isEqualTo(100L);
    assertThat(a.transactions()).containsExactly(Bytes.fromHex("0x7e01"));
    assertThat(EngineJson.encode(a).toString()).isEqualTo(json(JOVIAN_ATTRIBUTES).toString());
    assertThat(EngineJson.encode(a).get("minBaseFee").isNumber()).isTrue();
  }

  @Test
  void minBaseFeeIsAlsoAcceptedAsAHexQuantity() throws Exception {
    PayloadAttributes a = EngineJson.payloadAttributes(json(JOVIAN_ATTRIBUTES.replace("100}", "'0x64'}")));
    assertThat(a.minBaseFee()).isEqualTo(100L);
  }

  @Test
  void omittedAndNullOptionalFieldsMeanAbsent() throws Exception {
    String v1 = "{'timestamp':'0x1','prevRandao':'" + Hash.ZERO.toHex()
        + "','suggestedFeeRecipient':'0x0000000000000000000000000000000000000000','withdrawals':null,'gasLimit':null,'someFutureField':1}";
    PayloadAttributes a = EngineJson.payloadAttributes(json(v1));
    assertThat(a.withdrawals()).isNull();
    assertThat(a.gasLimit()).isNull();
    assertThat(a.noTxPool()).isFalse();
    assertThat(a.structureVersion()).isEqualTo(1);
  }

  @Test
  void eip1559ParamsMustBeEightBytes() throws Exception {
    assertThatThrownBy(() -> EngineJson.payloadAttributes(json(JOVIAN_ATTRIBUTES.replace("0x000000fa00000006", "0x000000fa"))))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessageContaining("eip1559Params");
  }

  @Test
  void missingAndMalformedFieldsAreInvalidParams() throws Exception {
    assertThatThrownBy(() -> EngineJson.forkchoiceState(json("{'headBlockHash':'" + Hash.ZERO.toHex() + "'}")))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessageContaining("missing field safeBlockHash");
    assertThatThrownBy(() -> EngineJson.payloadAttributes(json(JOVIAN_ATTRIBUTES.replace("'0x6710e3b5'", "'0x06710e3b5'"))))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessageContaining("timestamp");
    assertThatThrownBy(() -> EngineJson.payloadAttributes(json(JOVIAN_ATTRIBUTES.replace("100}", "-1}"))))
        .isInstanceOf(InvalidParamsException.class);
  }

  @Test
  void isthmusPayloadCarriesTheWithdrawalsRoot() throws Exception {
    String payload = """
        {'parentHash':'0x3b8fb240d288781d4aac94d3fd16809ee413bc99294a085798a589dae51ddd4a',
         'feeRecipient':'0x4200000000000000000000000000000000000011',
         'stateRoot':'0xca3149fa9e37db08d1cd49c9061db1002ef1cd58db2210f2115c8c989b2bdf45',
         'receiptsRoot':'0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421',
         'logsBloom':'0x%s','prevRandao':'0xc130d5e63c61c935f6089e61140ca9136172677cf6aa5800dcc1cf0a02152a14',
         'blockNumber':'0x1','gasLimit':'0x1c9c380','gasUsed':'0x0','timestamp':'0x5','extraData':'0x00000000fa00000006',
         'baseFeePerGas':'0x7','blockHash':'0x3559e851470f6e7bbed1db474980683e8c315bfce99b2a6ef47c057c04de7858',
         'transactions':[],'withdrawals':[],'blobGasUsed':'0x0','excessBlobGas':'0x0',
         'withdrawalsRoot':'0x8ed4baae3a927be3dea54996b4d5899f8c01e7594bf50b17dc1e741388ce3d12'}"""
        .formatted("00".repeat(256));
    ExecutionPayload p = EngineJson.executionPayload(json(payload));
    assertThat(p.withdrawalsRoot()).isEqualTo(Hash.fromHex("0x8ed4baae3a927be3dea54996b4d5899f8c01e7594bf50b17dc1e741388ce3d12"));
    assertThat(p.structureVersion()).isEqualTo(3);
    assertThat(EngineJson.encode(p)).isEqualTo(json(payload));
  }

  @Test
  void payloadStatusKeepsExplicitNulls() throws Exception {
    assertThat(EngineJson.encode(PayloadStatus.syncing()))
        .isEqualTo(json("{'status':'SYNCING','latestValidHash':null,'validationError':null}"));
    assertThat(EngineJson.encode(new ForkchoiceUpdatedResult(PayloadStatus.syncing(), null)).get("payloadId").isNull()).isTrue();
  }
}
