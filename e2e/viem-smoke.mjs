// Drives a running Opal devnet with viem, as a wallet or dapp would: a value transfer, a contract
// deployment, eth_call and gas estimation; checks the OP receipt fields. Usage:
//   node e2e/viem-smoke.mjs [L2_RPC_URL]   (default http://127.0.0.1:8545)
import { createWalletClient, createPublicClient, http, parseEther, defineChain } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

const url = process.argv[2] ?? 'http://127.0.0.1:8545'
const probe = createPublicClient({ transport: http(url) })
const chain = defineChain({ id: await probe.getChainId(), name: 'opal', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: { default: { http: [url] } } })
// dev account 0 of the test mnemonic
const account = privateKeyToAccount('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80')
const wallet = createWalletClient({ account, chain, transport: http(url) })
const pub = createPublicClient({ chain, transport: http(url) })
const fail = (msg) => { console.error('FAIL ' + msg); process.exit(1) }

const to = '0x000000000000000000000000000000000000c0de'
const before = await pub.getBalance({ address: to })
const hash = await wallet.sendTransaction({ to, value: parseEther('0.25') })
const receipt = await pub.waitForTransactionReceipt({ hash, timeout: 30_000 })
if (receipt.status !== 'success') fail('transfer failed')
if (receipt.gasUsed !== 21000n) fail('transfer used ' + receipt.gasUsed + ' gas')
if (receipt.l1Fee === undefined) fail('receipt has no l1Fee')
if ((await pub.getBalance({ address: to })) - before !== parseEther('0.25')) fail('recipient balance did not grow by 0.25 ETH')

// init code that deploys a contract returning 42
const deploy = await wallet.deployContract({ abi: [], bytecode: '0x600a600c600039600a6000f3602a60005260206000f3' })
const deployed = await pub.waitForTransactionReceipt({ hash: deploy, timeout: 30_000 })
if (deployed.status !== 'success' || !deployed.contractAddress) fail('deployment failed')
const { data } = await pub.call({ to: deployed.contractAddress })
if (BigInt(data) !== 42n) fail('call returned ' + data)
const estimate = await pub.estimateGas({ account, to, value: 1n })
if (estimate !== 21000n) fail('estimate ' + estimate)
console.log(`viem smoke: transfer in block ${receipt.blockNumber}, contract ${deployed.contractAddress}, call=42, estimate=${estimate}: OK`)
