/** Types of compile.mjs for the TypeScript that imports it (the bench). */
export const DIST: string;
export function compileNeeded(files?: string[]): boolean;
export function compile(): Promise<void>;
export function ensureCompiled(): Promise<boolean>;
