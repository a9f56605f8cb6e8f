package dev.opal.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.crypto.Kzg;
import dev.opal.node.derive.BlobData;
import dev.opal.node.derive.Frame;
import dev.opal.node.eth.L1BlockRef;
import dev.opal.node.sources.BeaconClient;
import dev.opal.node.sources.L1Source;
import dev.opal.node.sources.RpcL1Source;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * EIP-4844 data availability end to end: the devnet's batcher posts its frames as blobs, the
 * embedded L1 takes the blob transactions in network form (KZG-checked) and serves the blobs on its
 * beacon API, and a verifier derives the sequencer's chain from them. The beacon API is read over
 * HTTP the way op-node reads it, and every blob is checked against its versioned hash.
 */
class BlobDerivationTest {
  private static final Duration T = Duration.ofSeconds(10);

  @Test
  void verifierDerivesTheChainFromBlobs() throws Exception {
    DevnetOptions options = new DevnetOptions(250, 1, 4, "127.0.0.1", 0, 0, 0, null, BigInteger.valueOf(900), BigInteger.valueOf(901), 3, false,
        Map.of(), true, true, null, true, 0);
    try (Devnet devnet = new Devnet(options)) {
      ByteArrayOutputStream banner = new ByteArrayOutputStream();
      devnet.start(new PrintStream(banner, true));
      assertThat(banner.toString()).contains("L1 Beacon API: " + devnet.l1BeaconUrl()).contains("as blobs");
      JsonRpcClient l1 = new JsonRpcClient(devnet.l1RpcUrl(), null);
      JsonRpcClient l2 = new JsonRpcClient(devnet.l2RpcUrl(), null);
      JsonRpcClient verifier = new JsonRpcClient(devnet.verifierRpcUrl(), null);

      for (int i = 0; i < 600 && safe(verifier) < 24; i++) Thread.sleep(100);
      long safe = safe(verifier);
      assertThat(safe).as("verifier safe head").isGreaterThanOrEqualTo(24);
      for (long n = 1; n <= safe; n++) {
        assertThat(verifier.call(T, "optimism_outputAtBlock", Hex.encodeQuantity(n)).get("blockRef").get("hash").asText())
            .as("verifier's block %d", n).isEqualTo(l2.call(T, "eth_getBlockByNumber", Hex.encodeQuantity(n), false).get("hash").asText());
      }

      // on L1: only blob transactions from the batcher to the inbox, with no calldata
      List<JsonNode> blobTxs = new ArrayList<>();
      List<L1BlockRef> blobBlocks = new ArrayList<>();
      long head = Hex.decodeQuantity(l1.call(T, "eth_blockNumber").asText()).longValueExact();
      for (long n = 1; n <= head; n++) {
        JsonNode b = l1.call(T, "eth_getBlockByNumber", Hex.encodeQuantity(n), true);
        for (JsonNode tx : b.get("transactions")) {
          if (!tx.path("to").asText().equalsIgnoreCase(DevnetGenesis.BATCH_INBOX.toHex())) continue;
          assertThat(tx.get("type").asText()).isEqualTo("0x3");
          assertThat(tx.get("input").asText()).isEqualTo("0x");
          blobTxs.add(tx);
          blobBlocks.add(new L1BlockRef(Hash.fromHex(b.get("hash").asText()), n, Hash.fromHex(b.get("parentHash").asText()),
              Hex.decodeQuantity(b.get("timestamp").asText()).longValueExact()));
        }
      }
      assertThat(blobTxs).isNotEmpty();

      // the beacon API over HTTP, as a rollup node started with --l1.beacon reads it
      RpcL1Source source = new RpcL1Source(l1, new BeaconClient(devnet.l1BeaconUrl()));
      L1BlockRef block = blobBlocks.getFirst();
      List<Hash> hashes = new ArrayList<>();
      blobTxs.getFirst().get("blobVersionedHashes").forEach(h -> hashes.add(Hash.fromHex(h.asText())));
      List<L1Source.L1Transaction> txs = source.transactions(block.hash());
      assertThat(txs.stream().filter(t -> t.type() == 3).flatMap(t -> t.blobHashes().stream()).toList()).containsAll(hashes);
      List<byte[]> blobs = source.blobs(block, hashes);
      assertThat(blobs).hasSize(hashes.size());
      for (byte[] blob : blobs) assertThat(Frame.parseBatcherData(BlobData.decode(blob))).as("frames in the blob").isNotEmpty();

      // blob_sidecars: each sidecar's commitment is the one its versioned hash names, and its proof verifies
      long genesisTime = Long.parseLong(get(devnet.l1BeaconUrl(), "eth/v1/beacon/genesis").get("data").get("genesis_time").asText());
      JsonNode sidecars = get(devnet.l1BeaconUrl(), "eth/v1/beacon/blob_sidecars/" + (block.time() - genesisTime) + "?indices=0").get("data");
      assertThat(sidecars).hasSize(1);
      byte[] commitment = Hex.decode(sidecars.get(0).get("kzg_commitment").asText());
      assertThat(Kzg.versionedHash(commitment)).isEqualTo(hashes.getFirst());
      assertThat(Kzg.verifyBlobProofs(List.of(Hex.decode(sidecars.get(0).get("blob").asText())), List.of(commitment),
          List.of(Hex.decode(sidecars.get(0).get("kzg_proof").asText())))).isTrue();
      assertThat(status(devnet.l1BeaconUrl(), "eth/v1/beacon/blob_sidecars/" + (head + 1000))).as("a slot with no block yet").isEqualTo(404);
    }
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static long safe(JsonRpcClient rollupNode) {
    return rollupNode.call(T, "optimism_syncStatus").get("safe_l2").get("number").asLong();
  }

  private static JsonNode get(URI base, String path) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/" + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  private static int status(URI base, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(base.resolve("/" + path)).GET().build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }
}
