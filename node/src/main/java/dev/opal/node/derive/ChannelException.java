package dev.opal.node.derive;

/** A channel that cannot be read: derivation drops it and goes on (OP specs protocol/derivation.md "Channel Format"). */
public final class ChannelException extends Exception {
  public ChannelException(String message) {
    super(message);
  }
}
