// Generates an Ed25519 signing key for production: `npx tsx scripts/keygen.ts`, then
// `wrangler secret put SIGNING_KEY` with the printed private key. Prints the public key and keyid to pin.
import { generateSigningKey } from "../oracle-core/snapshot";

const k = await generateSigningKey();
console.log(JSON.stringify({ SIGNING_KEY: k.privateKeyPkcs8, public_key: k.publicKeyRaw, keyid: k.keyid }, null, 2));
