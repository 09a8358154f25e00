// The build-time settings this example reads (Vite's import.meta.env), typed without depending on vite/client.
interface ImportMetaEnv {
  /** Feed origin, e.g. "https://feed.exostream.example". */
  readonly VITE_EXOSTREAM_FEED?: string;
  /** Root public keys to pin, base64, space-separated. */
  readonly VITE_EXOSTREAM_PINS?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
