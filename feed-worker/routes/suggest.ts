/** "Did you mean" for 404s: oracle-core's closest-id ranking (one implementation for every layer). */
export { closestIds as suggestTickers } from "../../oracle-core/registry/find-ticker";
