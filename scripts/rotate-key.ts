// Key rotation: `npx tsx scripts/rotate-key.ts keys.json OLD_PKCS8 NEW_PKCS8 > keys.next.json`
// reads the current /.well-known/exostream-keys.json document, appends a keyset listing the new key,
// signed by the old key and the new one (the chain clients verify), and prints the new document.
// Upload it with `wrangler kv key put --binding FEED_KV keyset:chain --path keys.next.json`, then
// `wrangler secret put SIGNING_KEY` with the new key.
import { readFileSync } from "node:fs";
import { importSigningKey } from "../oracle-core/snapshot";
import { makeKeyset, readKeyset, type KeysetDocument } from "../oracle-core/snapshot";

const [docPath, oldKey, newKey] = process.argv.slice(2);
if (!docPath || !oldKey || !newKey) {
  console.error("usage: tsx scripts/rotate-key.ts <keys.json> <old pkcs8 base64> <new pkcs8 base64>");
  process.exit(2);
}
const doc = JSON.parse(readFileSync(docPath, "utf8")) as KeysetDocument;
const prev = doc.keysets.at(-1);
if (!prev) throw new Error("the document has no keyset to rotate from");
const current = await readKeyset(prev);
const oldSigner = await importSigningKey(oldKey);
const next = await importSigningKey(newKey);
const keyset = await makeKeyset({
  keyset_version: current.payload.keyset_version + 1,
  keys: [{ public_key: next.publicKeyRaw }],
  prev,
  signers: [oldSigner, next],
});
console.log(JSON.stringify({ keysets: [...doc.keysets, keyset] } satisfies KeysetDocument));
