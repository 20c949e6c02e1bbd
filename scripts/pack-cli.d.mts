export const PACKAGE_DIR: string;
export function fillCliPackage(): Promise<void>;
export function packCliPackage(destination: string): string;
