export declare const DIR_MODE: number;
export declare const FILE_MODE: number;
export declare function secureStateDir(dir: string): string[];
