// Types of cli-bundle.mjs (plain JS: the bin loads it without tsx).
export interface BundlePaths {
  root?: string;
  bundle?: string;
  inputs?: string;
}
export const ROOT: string;
export const BUNDLE: string;
export const BUNDLE_INPUTS: string;
export function buildCliBundle(paths?: BundlePaths): Promise<void>;
export function isBundleFresh(paths?: BundlePaths): boolean;
