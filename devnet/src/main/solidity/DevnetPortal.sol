// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title DevnetPortal
/// @notice The deposit entry point of Opal's embedded L1 devnet. It emits TransactionDeposited
///         exactly as OptimismPortal does (specs/protocol/deposits.md "Deposit Contract"), so the
///         rollup node derives user deposits from it unchanged. Devnet simplifications: no
///         resource metering (no gas burn), no pause, no withdrawals proving; deposited ETH stays
///         in this contract.
contract DevnetPortal {
    /// @notice Version of the opaque deposit encoding (the only one op-node accepts).
    uint256 internal constant DEPOSIT_VERSION = 0;

    /// @notice Gas limit of deposits made by plain ETH transfers to this contract.
    uint64 internal constant RECEIVE_DEFAULT_GAS_LIMIT = 100_000;

    /// @notice Offset applied to contract senders, so an L1 contract cannot impersonate an L2 account.
    uint160 internal constant ALIAS_OFFSET = uint160(0x1111000000000000000000000000000000001111);

    event TransactionDeposited(address indexed from, address indexed to, uint256 indexed version, bytes opaqueData);

    error BadTarget();
    error SmallGasLimit();
    error LargeCalldata();

    receive() external payable {
        depositTransaction(msg.sender, msg.value, RECEIVE_DEFAULT_GAS_LIMIT, false, bytes(""));
    }

    /// @notice The smallest gas limit a deposit with this much calldata may ask for.
    function minimumGasLimit(uint64 _byteCount) public pure returns (uint64) {
        return _byteCount * 16 + 21000;
    }

    /// @notice Sends a transaction to L2. msg.value is minted to the sender on L2 before the
    ///         transaction executes.
    function depositTransaction(address _to, uint256 _value, uint64 _gasLimit, bool _isCreation, bytes memory _data)
        public
        payable
    {
        if (_isCreation && _to != address(0)) revert BadTarget();
        if (_gasLimit < minimumGasLimit(uint64(_data.length))) revert SmallGasLimit();
        if (_data.length > 120_000) revert LargeCalldata();

        address from = msg.sender;
        if (msg.sender != tx.origin) {
            unchecked {
                from = address(uint160(msg.sender) + ALIAS_OFFSET);
            }
        }

        bytes memory opaqueData = abi.encodePacked(msg.value, _value, _gasLimit, _isCreation, _data);
        emit TransactionDeposited(from, _to, DEPOSIT_VERSION, opaqueData);
    }
}
