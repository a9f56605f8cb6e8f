package dev.opal.evm;

import dev.opal.config.EthereumFork;
import dev.opal.config.Rules;
import dev.opal.crypto.Keccak;
import dev.opal.evm.precompile.Precompile;
import dev.opal.evm.precompile.PrecompileFailure;
import dev.opal.evm.precompile.Precompiles;
import dev.opal.state.WorldState;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.util.Map;

/**
 * Executes messages (calls and creations) against a world state for one transaction: value
 * transfer, precompiles, snapshots and reverts, contract deployment rules. Call frames run in
 * {@link Frame}; nested calls recurse through {@link #call} and {@link #create}.
 */
public final class Evm {
  /** EIP-170: the largest deployed code. */
  static final int MAX_CODE_SIZE = 24_576;
  static final int MAX_DEPTH = 1024;
  private static final CodeCache CODE_CACHE = new CodeCache();

  final WorldState state;
  final BlockContext block;
  final TxContext tx;
  final Rules rules;
  final Instructions instructions;
  final Substate substate = new Substate();
  private final Map<Address, Precompile> precompiles;
  final Tracer tracer;

  public Evm(WorldState state, BlockContext block, TxContext tx, Tracer tracer) {
    this.state = state;
    this.block = block;
    this.tx = tx;
    this.rules = block.rules();
    this.instructions = Instructions.forFork(rules.eth());
    this.precompiles = Precompiles.forRules(rules);
    this.tracer = tracer;
  }

  public enum CallKind { CALL, CALLCODE, DELEGATECALL, STATICCALL }

  public Map<Address, Precompile> precompiles() {
    return precompiles;
  }

  /** Transaction-scoped state: warm sets, refunds, logs, self-destructs. */
  Substate substate() {
    return substate;
  }

  public java.util.List<dev.opal.block.Log> logs() {
    return substate.logs();
  }

  public long refund() {
    return substate.refund();
  }

  public java.util.Set<Address> selfDestructs() {
    return substate.selfDestructs();
  }

  /** EIP-2929/2930: marks an address warm before execution (sender, recipient, precompiles, access list). */
  public void warmAddress(Address a) {
    substate.warmAddress(a);
  }

  /** Adds to the transaction's refund counter (EIP-7702 authorizations of existing accounts). */
  public void addRefund(long gas) {
    substate.addRefund(gas);
  }

  public void warmSlot(Address a, UInt256 key) {
    substate.warmSlot(a, key);
  }

  /**
   * Runs a message call. {@code recipient} is the account whose storage and balance the code acts
   * on; {@code codeAddress} the account whose code runs (they differ for CALLCODE and
   * DELEGATECALL). For DELEGATECALL {@code value} is the apparent value and nothing is transferred.
   */
  public CallResult call(CallKind kind, Address caller, Address recipient, Address codeAddress, UInt256 value, byte[] input,
      long gas, boolean isStatic, int depth) {
    if (depth > MAX_DEPTH) return new CallResult(false, gas, CallResult.NO_OUTPUT, null, "max call depth exceeded");
    boolean transfers = kind == CallKind.CALL || kind == CallKind.CALLCODE;
    if (transfers && !value.isZero() && state.getBalance(caller).compareTo(value) < 0) {
      return new CallResult(false, gas, CallResult.NO_OUTPUT, null, "insufficient balance for transfer");
    }
    int worldSnapshot = state.snapshot();
    int subSnapshot = substate.snapshot();
    Precompile precompile = precompiles.get(codeAddress);
    if (kind == CallKind.CALL) {
      if (!state.exists(recipient) && precompile == null && value.isZero()) {
        // EIP-161: a zero-value call to a missing account neither creates nor touches it
        return new CallResult(true, gas, CallResult.NO_OUTPUT, null, null);
      }
      transfer(caller, recipient, value);
    } else if (kind == CallKind.CALLCODE) {
      transfer(caller, caller, value);
    }
    CallResult result;
    if (precompile != null) {
      result = runPrecompile(precompile, input, gas);
    } else {
      Address codeSource = codeAddress;
      Bytes code = state.getCode(codeSource);
      if (rules.isAtLeast(EthereumFork.PRAGUE)) {
        Address delegate = Delegation.target(code);
        if (delegate != null) { // EIP-7702: run the delegate's code (a delegation to a precompile runs nothing)
          codeSource = delegate;
          code = precompiles.containsKey(delegate) ? Bytes.EMPTY : state.getCode(delegate);
        }
      }
      if (code.isEmpty()) return new CallResult(true, gas, CallResult.NO_OUTPUT, null, null);
      Code analysed = CODE_CACHE.get(state.getCodeHash(codeSource), code);
      result = new Frame(this, analysed, recipient, caller, value, input, gas, isStatic, depth).run();
    }
    if (!result.success()) {
      state.revertTo(worldSnapshot);
      substate.revertTo(subSnapshot);
    }
    return result;
  }

  private CallResult runPrecompile(Precompile p, byte[] input, long gas) {
    long cost = p.gasCost(input);
    if (cost > gas) return CallResult.halt("out of gas");
    try {
      return new CallResult(true, gas - cost, p.execute(input), null, null);
    } catch (PrecompileFailure e) {
      return CallResult.halt(e.getMessage());
    }
  }

  private void transfer(Address from, Address to, UInt256 value) {
    state.setBalance(from, state.getBalance(from).subtract(value));
    state.setBalance(to, state.getBalance(to).add(value));
  }

  /**
   * Creates a contract at {@code address} (the caller has already bumped its nonce and checked
   * depth and balance): collision check, new account with nonce 1, value transfer, init code,
   * then the deployment rules (EIP-170 size, EIP-3541 no 0xEF prefix, 200 gas per code byte).
   */
  public CallResult create(Address caller, Address address, UInt256 value, byte[] initCode, long gas, int depth) {
    substate.warmAddress(address); // EIP-2929: the new address is warm even if creation fails
    Hash codeHash = state.getCodeHash(address);
    boolean hasCode = !codeHash.isZero() && !codeHash.equals(Keccak.EMPTY);
    if (state.getNonce(address) != 0 || hasCode || state.hasStorage(address)) {
      return CallResult.halt("contract address collision");
    }
    int worldSnapshot = state.snapshot();
    int subSnapshot = substate.snapshot();
    state.createAccount(address);
    state.setNonce(address, 1); // EIP-161
    transfer(caller, address, value);
    substate.markCreated(address);
    CallResult result = initCode.length == 0
        ? new CallResult(true, gas, CallResult.NO_OUTPUT, null, null)
        : new Frame(this, new Code(initCode), address, caller, value, CallResult.NO_OUTPUT, gas, false, depth).run();
    if (result.success()) result = deploy(address, result);
    if (!result.success()) {
      state.revertTo(worldSnapshot);
      substate.revertTo(subSnapshot);
      return result;
    }
    return result;
  }

  private CallResult deploy(Address address, CallResult init) {
    byte[] code = init.output();
    if (code.length > MAX_CODE_SIZE) return CallResult.halt("max code size exceeded");
    if (code.length > 0 && code[0] == (byte) 0xef && rules.isAtLeast(EthereumFork.LONDON)) {
      return CallResult.halt("invalid code: must not begin with 0xef");
    }
    long cost = (long) code.length * Gas.CODE_DEPOSIT;
    if (cost > init.gasLeft()) return CallResult.halt("contract creation code storage out of gas");
    state.setCode(address, Bytes.wrap(code));
    return new CallResult(true, init.gasLeft() - cost, CallResult.NO_OUTPUT, address, null);
  }
}
