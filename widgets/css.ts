/** Tags a CSS template so the build minifies it (build/minify-templates.ts); at run time it is just the text. */
export const css = String.raw;
