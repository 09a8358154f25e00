// The few platform globals oracle-core may use. They exist, with these shapes, in browsers,
// Web Workers, the Workers runtime and Node >= 20. Declaring only these keeps DOM and Node
// APIs out of this realm: no fetch, no clock, no storage.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
declare function atob(data: string): string;
declare function btoa(data: string): string;
interface OracleCryptoKey {
  readonly type: string;
}
interface OracleSubtleCrypto {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
  importKey(
    format: "raw" | "pkcs8" | "spki" | "jwk",
    keyData: Uint8Array | object,
    algorithm: { name: string } | string,
    extractable: boolean,
    usages: string[],
  ): Promise<OracleCryptoKey>;
  exportKey(format: "raw" | "pkcs8" | "spki" | "jwk", key: OracleCryptoKey): Promise<ArrayBuffer | object>;
  generateKey(algorithm: { name: string } | string, extractable: boolean, usages: string[]): Promise<unknown>;
  sign(algorithm: { name: string } | string, key: OracleCryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
  verify(algorithm: { name: string } | string, key: OracleCryptoKey, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
}
declare const crypto: { readonly subtle: OracleSubtleCrypto; getRandomValues<T extends Uint8Array>(a: T): T };
