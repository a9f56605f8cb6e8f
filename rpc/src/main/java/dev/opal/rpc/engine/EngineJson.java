package dev.opal.rpc.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.opal.block.Bloom;
import dev.opal.block.Withdrawal;
import dev.opal.rpc.json.InvalidParamsException;
import dev.opal.rpc.json.JsonIn;
import dev.opal.rpc.json.JsonOut;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.io.IOException;
import java.util.function.Function;

/**
 * The Engine API's JSON forms of its data types, exactly as execution-apis and the OP specs give
 * them: field names, hex QUANTITY/DATA encodings, absent fields omitted on output and absent-or-null
 * accepted as absent on input. {@link #module()} plugs the codecs into a Jackson ObjectMapper.
 */
public final class EngineJson {
  private EngineJson() {}

  // --- Withdrawal (WithdrawalV1)

  public static JsonNode encode(Withdrawal w) {
    return JsonOut.object()
        .quantity("index", w.index())
        .quantity("validatorIndex", w.validatorIndex())
        .address("address", w.address())
        .quantity("amount", w.amountGwei())
        .build();
  }

  public static Withdrawal withdrawal(JsonNode node) {
    JsonIn in = JsonIn.of(node, "withdrawal");
    return new Withdrawal(in.quantity("index"), in.quantity("validatorIndex"), in.address("address"), in.quantity("amount"));
  }

  // --- ExecutionPayloadV1..V3 (+ OP withdrawalsRoot)

  public static JsonNode encode(ExecutionPayload p) {
    JsonOut out = JsonOut.object()
        .hash("parentHash", p.parentHash())
        .address("feeRecipient", p.feeRecipient())
        .hash("stateRoot", p.stateRoot())
        .hash("receiptsRoot", p.receiptsRoot())
        .data("logsBloom", p.logsBloom())
        .hash("prevRandao", p.prevRandao())
        .quantity("blockNumber", p.blockNumber())
        .quantity("gasLimit", p.gasLimit())
        .quantity("gasUsed", p.gasUsed())
        .quantity("timestamp", p.timestamp())
        .data("extraData", p.extraData())
        .quantity("baseFeePerGas", p.baseFeePerGas())
        .hash("blockHash", p.blockHash())
        .dataList("transactions", p.transactions());
    if (p.withdrawals() != null) out.list("withdrawals", p.withdrawals(), EngineJson::encode);
    if (p.blobGasUsed() != null) out.quantity("blobGasUsed", p.blobGasUsed());
    if (p.excessBlobGas() != null) out.quantity("excessBlobGas", p.excessBlobGas());
    if (p.withdrawalsRoot() != null) out.hash("withdrawalsRoot", p.withdrawalsRoot());
    return out.build();
  }

  public static ExecutionPayload executionPayload(JsonNode node) {
    JsonIn in = JsonIn.of(node, "executionPayload");
    return new ExecutionPayload(
        in.hash("parentHash"),
        in.address("feeRecipient"),
        in.hash("stateRoot"),
        in.hash("receiptsRoot"),
        in.data("logsBloom", Bloom.SIZE),
        in.hash("prevRandao"),
        in.quantity("blockNumber"),
        in.quantity("gasLimit"),
        in.quantity("gasUsed"),
        in.quantity("timestamp"),
        extraData(in),
        in.quantity256("baseFeePerGas"),
        in.hash("blockHash"),
        in.dataList("transactions"),
        in.optList("withdrawals", EngineJson::withdrawal),
        in.optQuantity("blobGasUsed"),
        in.optQuantity("excessBlobGas"),
        in.optHash("withdrawalsRoot"));
  }

  /** extraData is at most 32 bytes (execution-apis paris.md, ExecutionPayloadV1). */
  private static Bytes extraData(JsonIn in) {
    Bytes extra = in.data("extraData");
    if (extra.size() > 32) throw new InvalidParamsException("executionPayload.extraData: longer than 32 bytes");
    return extra;
  }

  // --- PayloadAttributesV1..V3 (+ OP fields)

  public static JsonNode encode(PayloadAttributes a) {
    JsonOut out = JsonOut.object()
        .quantity("timestamp", a.timestamp())
        .hash("prevRandao", a.prevRandao())
        .address("suggestedFeeRecipient", a.suggestedFeeRecipient());
    if (a.withdrawals() != null) out.list("withdrawals", a.withdrawals(), EngineJson::encode);
    if (a.parentBeaconBlockRoot() != null) out.hash("parentBeaconBlockRoot", a.parentBeaconBlockRoot());
    if (!a.transactions().isEmpty()) out.dataList("transactions", a.transactions());
    if (a.noTxPool()) out.bool("noTxPool", true);
    if (a.gasLimit() != null) out.quantity("gasLimit", a.gasLimit());
    if (a.eip1559Params() != null) out.data("eip1559Params", a.eip1559Params());
    // op-geth declares minBaseFee as a plain *uint64, so it travels as a JSON number, not hex.
    if (a.minBaseFee() != null) out.number("minBaseFee", a.minBaseFee());
    return out.build();
  }

  public static PayloadAttributes payloadAttributes(JsonNode node) {
    JsonIn in = JsonIn.of(node, "payloadAttributes");
    return new PayloadAttributes(
        in.quantity("timestamp"),
        in.hash("prevRandao"),
        in.address("suggestedFeeRecipient"),
        in.optList("withdrawals", EngineJson::withdrawal),
        in.optHash("parentBeaconBlockRoot"),
        in.optDataList("transactions"),
        in.optBool("noTxPool", false),
        in.optQuantity("gasLimit"),
        in.optData("eip1559Params", 8),
        in.optNumberOrQuantity("minBaseFee"));
  }

  // --- ForkchoiceStateV1, PayloadStatusV1, results

  public static JsonNode encode(ForkchoiceState s) {
    return JsonOut.object()
        .hash("headBlockHash", s.headBlockHash())
        .hash("safeBlockHash", s.safeBlockHash())
        .hash("finalizedBlockHash", s.finalizedBlockHash())
        .build();
  }

  public static ForkchoiceState forkchoiceState(JsonNode node) {
    JsonIn in = JsonIn.of(node, "forkchoiceState");
    return new ForkchoiceState(in.hash("headBlockHash"), in.hash("safeBlockHash"), in.hash("finalizedBlockHash"));
  }

  public static JsonNode encode(PayloadStatus s) {
    return JsonOut.object()
        .text("status", s.status().name())
        .hash("latestValidHash", s.latestValidHash())
        .text("validationError", s.validationError())
        .build();
  }

  public static PayloadStatus payloadStatus(JsonNode node) {
    JsonIn in = JsonIn.of(node, "payloadStatus");
    PayloadStatus.Status status;
    try {
      status = PayloadStatus.Status.valueOf(in.text("status"));
    } catch (IllegalArgumentException e) {
      throw new InvalidParamsException("payloadStatus.status: unknown status " + in.text("status"));
    }
    return new PayloadStatus(status, in.optHash("latestValidHash"), in.has("validationError") ? in.text("validationError") : null);
  }

  public static JsonNode encode(ForkchoiceUpdatedResult r) {
    return JsonOut.object()
        .node("payloadStatus", encode(r.payloadStatus()))
        .text("payloadId", r.payloadId() == null ? null : r.payloadId().toHex())
        .build();
  }

  public static ForkchoiceUpdatedResult forkchoiceUpdatedResult(JsonNode node) {
    JsonIn in = JsonIn.of(node, "forkchoiceUpdatedResult");
    PayloadId id = in.has("payloadId") ? JsonIn.decodeText(node.get("payloadId"), "payloadId", PayloadId::fromHex) : null;
    return new ForkchoiceUpdatedResult(payloadStatus(node.get("payloadStatus")), id);
  }

  // --- getPayload envelopes and bodies

  public static JsonNode encode(BlobsBundle b) {
    return JsonOut.object()
        .dataList("commitments", b.commitments())
        .dataList("proofs", b.proofs())
        .dataList("blobs", b.blobs())
        .build();
  }

  public static BlobsBundle blobsBundle(JsonNode node) {
    JsonIn in = JsonIn.of(node, "blobsBundle");
    return new BlobsBundle(in.dataList("commitments"), in.dataList("proofs"), in.dataList("blobs"));
  }

  public static JsonNode encode(PayloadEnvelope e) {
    JsonOut out = JsonOut.object()
        .node("executionPayload", encode(e.executionPayload()))
        .quantity("blockValue", e.blockValue());
    if (e.blobsBundle() != null) out.node("blobsBundle", encode(e.blobsBundle()));
    if (e.shouldOverrideBuilder() != null) out.bool("shouldOverrideBuilder", e.shouldOverrideBuilder());
    if (e.parentBeaconBlockRoot() != null) out.hash("parentBeaconBlockRoot", e.parentBeaconBlockRoot());
    if (e.executionRequests() != null) out.dataList("executionRequests", e.executionRequests());
    return out.build();
  }

  public static PayloadEnvelope payloadEnvelope(JsonNode node) {
    JsonIn in = JsonIn.of(node, "executionPayloadEnvelope");
    return new PayloadEnvelope(
        executionPayload(node.get("executionPayload")),
        in.quantity256("blockValue"),
        in.has("blobsBundle") ? blobsBundle(node.get("blobsBundle")) : null,
        in.has("shouldOverrideBuilder") ? in.bool("shouldOverrideBuilder") : null,
        in.optHash("parentBeaconBlockRoot"),
        in.optDataList("executionRequests"));
  }

  public static JsonNode encode(ExecutionPayloadBody b) {
    JsonOut out = JsonOut.object().dataList("transactions", b.transactions());
    out.node("withdrawals", b.withdrawals() == null ? null : JsonOut.NODES.arrayNode().addAll(
        b.withdrawals().stream().map(EngineJson::encode).toList()));
    return out.build();
  }

  public static ExecutionPayloadBody executionPayloadBody(JsonNode node) {
    JsonIn in = JsonIn.of(node, "executionPayloadBody");
    return new ExecutionPayloadBody(in.dataList("transactions"), in.optList("withdrawals", EngineJson::withdrawal));
  }

  public static JsonNode encode(ClientVersion v) {
    return JsonOut.object().text("code", v.code()).text("name", v.name()).text("version", v.version()).text("commit", v.commit()).build();
  }

  public static ClientVersion clientVersion(JsonNode node) {
    JsonIn in = JsonIn.of(node, "clientVersion");
    return new ClientVersion(in.text("code"), in.text("name"), in.text("version"), in.text("commit"));
  }

  /** A hash passed as a positional parameter (e.g. the parent beacon block root of newPayloadV3). */
  public static Hash hashParam(JsonNode node, String what) {
    return JsonIn.decodeText(node, what, s -> Hash.wrap(Hex.decode(s, Hash.SIZE)));
  }

  /** Registers every codec above with Jackson, so an ObjectMapper reads and writes these records directly. */
  public static SimpleModule module() {
    SimpleModule m = new SimpleModule("opal-engine-api");
    register(m, Withdrawal.class, EngineJson::encode, EngineJson::withdrawal);
    register(m, ExecutionPayload.class, EngineJson::encode, EngineJson::executionPayload);
    register(m, PayloadAttributes.class, EngineJson::encode, EngineJson::payloadAttributes);
    register(m, ForkchoiceState.class, EngineJson::encode, EngineJson::forkchoiceState);
    register(m, PayloadStatus.class, EngineJson::encode, EngineJson::payloadStatus);
    register(m, ForkchoiceUpdatedResult.class, EngineJson::encode, EngineJson::forkchoiceUpdatedResult);
    register(m, BlobsBundle.class, EngineJson::encode, EngineJson::blobsBundle);
    register(m, PayloadEnvelope.class, EngineJson::encode, EngineJson::payloadEnvelope);
    register(m, ExecutionPayloadBody.class, EngineJson::encode, EngineJson::executionPayloadBody);
    register(m, ClientVersion.class, EngineJson::encode, EngineJson::clientVersion);
    register(m, PayloadId.class, id -> JsonOut.NODES.textNode(id.toHex()),
        n -> JsonIn.decodeText(n, "payloadId", PayloadId::fromHex));
    return m;
  }

  private static <T> void register(SimpleModule m, Class<T> type, Function<T, JsonNode> encoder, Function<JsonNode, T> decoder) {
    m.addSerializer(type, new JsonSerializer<T>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeTree(encoder.apply(value));
      }
    });
    m.addDeserializer(type, new JsonDeserializer<T>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return decoder.apply(p.readValueAsTree());
      }
    });
  }
}
