package dev.opal.rpc.engine;

/** ClientVersionV1 (execution-apis identification.md): a two-letter client code, name, version and 4-byte commit. */
public record ClientVersion(String code, String name, String version, String commit) {}
