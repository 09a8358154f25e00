// Every element, and where they read the verified snapshot. A page that shows one element imports only its entry
// (e.g. "@exostream/widgets/ticker") instead of the whole package.
import { configure } from "@exostream/widgets";

configure({
  feed: import.meta.env.VITE_EXOSTREAM_FEED ?? "https://feed.exostream.example",
  pins: (import.meta.env.VITE_EXOSTREAM_PINS ?? "").split(" ").filter(Boolean),
});
