package dev.opal.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A genesis file in op-geth's {@code genesis.json} format: chain config, the genesis header fields
 * and the {@code alloc} of accounts. Building the genesis state and block is the state layer's job.
 */
public record Genesis(
    ChainConfig config,
    long timestamp,
    Bytes extraData,
    long gasLimit,
    BigInteger difficulty,
    Hash mixHash,
    Address coinbase,
    UInt256 baseFeePerGas,
    long number,
    Hash parentHash,
    Long excessBlobGas,
    Long blobGasUsed,
    Map<Address, GenesisAccount> alloc) {

  /** The initial base fee when the file gives none (params.InitialBaseFee). */
  public static final UInt256 INITIAL_BASE_FEE = UInt256.valueOf(1_000_000_000L);

  public Genesis {
    alloc = Collections.unmodifiableMap(new LinkedHashMap<>(alloc));
  }

  public static Genesis load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ConfigException("genesis " + file + " does not exist");
    } catch (IOException e) {
      throw new ConfigException("cannot read genesis " + file + ": " + e.getMessage());
    }
    try {
      return parse(new ObjectMapper().readTree(bytes));
    } catch (IOException e) {
      throw new ConfigException("genesis " + file + " is not valid JSON: " + e.getMessage());
    } catch (ConfigException e) {
      throw new ConfigException("genesis " + file + ": " + e.getMessage());
    }
  }


  public static Genesis load(InputStream in, String what) {
    try (in) {
      return parse(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new ConfigException("cannot read genesis " + what + ": " + e.getMessage());
    }
  }

  public static Genesis parse(JsonNode json) {
    JsonConfigReader r = new JsonConfigReader(json, "");
    ChainConfig config = ChainConfig.parse(r.object("config"));
    Map<Address, GenesisAccount> alloc = new LinkedHashMap<>();
    JsonNode allocNode = r.raw("alloc");
    if (allocNode != null && !allocNode.isNull()) {
      for (Map.Entry<String, JsonNode> e : allocNode.properties()) {
        String key = e.getKey().startsWith("0x") ? e.getKey() : "0x" + e.getKey();
        Address address;
        try {
          address = Address.of(Hex.decode(key, Address.SIZE));
        } catch (IllegalArgumentException bad) {
          throw new ConfigException("alloc key " + e.getKey() + " is not an address");
        }
        alloc.put(address, account(new JsonConfigReader(e.getValue(), "alloc." + e.getKey())));
      }
    }
    return new Genesis(
        config,
        r.uint64("timestamp", 0),
        r.has("extraData") ? r.bytes("extraData") : Bytes.EMPTY,
        r.uint64("gasLimit"),
        r.has("difficulty") ? r.bigInteger("difficulty") : BigInteger.ZERO,
        r.has("mixHash") ? r.hash("mixHash") : Hash.ZERO,
        r.has("coinbase") ? r.address("coinbase") : Address.ZERO,
        r.has("baseFeePerGas") ? UInt256.fromBigInteger(r.bigInteger("baseFeePerGas")) : INITIAL_BASE_FEE,
        r.uint64("number", 0),
        r.has("parentHash") ? r.hash("parentHash") : Hash.ZERO,
        r.optUint64("excessBlobGas"),
        r.optUint64("blobGasUsed"),
        alloc);
  }

  private static GenesisAccount account(JsonConfigReader a) {
    Map<UInt256, UInt256> storage = new LinkedHashMap<>();
    JsonNode s = a.raw("storage");
    if (s != null && !s.isNull()) {
      for (Map.Entry<String, JsonNode> e : s.properties()) {
        try {
          storage.put(UInt256.fromHexLenient(e.getKey()), UInt256.fromHexLenient(e.getValue().asText()));
        } catch (IllegalArgumentException bad) {
          throw new ConfigException(a.name("storage") + " entry " + e.getKey() + ": " + bad.getMessage());
        }
      }
    }
    return new GenesisAccount(
        a.uint64("nonce", 0),
        a.has("balance") ? UInt256.fromBigInteger(a.bigInteger("balance")) : UInt256.ZERO,
        a.has("code") ? a.bytes("code") : Bytes.EMPTY,
        storage);
  }
}
