// Types for scripts/make-icons.mjs, which the icon tests import.
export declare const PNG_SIZES: number[];
export declare const ICO_SIZES: number[];
export declare const ICNS_TYPES: [string, number][];
export declare function icoFile(images: { size: number; png: Buffer }[]): Buffer;
export declare function icnsFile(entries: { type: string; png: Buffer }[]): Buffer;
export declare function makeIcons(root: string): Promise<string>;
