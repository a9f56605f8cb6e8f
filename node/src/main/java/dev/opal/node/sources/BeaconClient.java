package dev.opal.node.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.node.eth.L1BlockRef;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Blobs from an L1 beacon node (op-service sources/l1_beacon_client.go): the slot of an L1 block is
 * (time − genesis time) / seconds per slot, both read once from the node; blobs come from
 * {@code /eth/v1/beacon/blobs/{slot}?versioned_hashes=…}, falling back to
 * {@code /eth/v1/beacon/blob_sidecars/{slot}} for nodes without it. Every blob is checked against
 * its versioned hash by recomputing its KZG commitment, so the node need not be trusted.
 */
public final class BeaconClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private long genesisTime = -1;
  private long secondsPerSlot;

  public BeaconClient(URI base) {
    String s = base.toString();
    this.base = URI.create(s.endsWith("/") ? s : s + "/");
  }

  /** A beacon API answer other than 200; 404 means the block or blob is not there. */
  public static final class BeaconException extends RuntimeException {
    public final int status;

    BeaconException(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** The blobs with these versioned hashes in {@code block}'s slot, in that order, verified. */
  public List<byte[]> blobs(L1BlockRef block, List<Hash> versionedHashes) {
    long slot = slotOf(block.time());
    List<byte[]> candidates;
    try {
      StringBuilder q = new StringBuilder();
      for (Hash h : versionedHashes) q.append(q.isEmpty() ? "?" : "&").append("versioned_hashes=").append(h.toHex());
      candidates = blobList(get("eth/v1/beacon/blobs/" + slot + q).path("data"));
    } catch (BeaconException e) {
      candidates = sidecarBlobs(get("eth/v1/beacon/blob_sidecars/" + slot).path("data"));
    }
    List<byte[]> out = new ArrayList<>(versionedHashes.size());
    for (Hash h : versionedHashes) {
      byte[] found = null;
      for (byte[] c : candidates) {
        if (L1Source.matches(c, h)) {
          found = c;
          break;
        }
      }
      if (found == null) throw new BeaconException(404, "the beacon node has no blob " + h + " for L1 block " + block + " (slot " + slot + ")");
      out.add(found);
    }
    return out;
  }

  private static List<byte[]> blobList(JsonNode data) {
    List<byte[]> out = new ArrayList<>();
    for (JsonNode b : data) out.add(Hex.decode(b.asText()));
    return out;
  }

  private static List<byte[]> sidecarBlobs(JsonNode data) {
    List<byte[]> out = new ArrayList<>();
    for (JsonNode sc : data) out.add(Hex.decode(sc.path("blob").asText()));
    return out;
  }

  private synchronized long slotOf(long time) {
    if (genesisTime < 0) {
      long g = Long.parseLong(get("eth/v1/beacon/genesis").path("data").path("genesis_time").asText());
      long sps = Long.parseLong(get("eth/v1/config/spec").path("data").path("SECONDS_PER_SLOT").asText());
      if (sps <= 0) throw new IllegalStateException("beacon node at " + base + " reports SECONDS_PER_SLOT " + sps);
      genesisTime = g;
      secondsPerSlot = sps;
    }
    if (time < genesisTime) throw new IllegalStateException("L1 time " + time + " precedes the beacon genesis time " + genesisTime);
    return (time - genesisTime) / secondsPerSlot;
  }

  private JsonNode get(String path) {
    HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
    HttpResponse<String> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("beacon node at " + base + " unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the beacon node", e);
    }
    if (resp.statusCode() != 200) throw new BeaconException(resp.statusCode(), "beacon node " + path + ": HTTP " + resp.statusCode() + " " + resp.body());
    try {
      return JSON.readTree(resp.body());
    } catch (IOException e) {
      throw new IllegalStateException("beacon node " + path + " returned malformed JSON: " + e.getMessage(), e);
    }
  }
}
