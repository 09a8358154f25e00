export function buildAssets(): string;
