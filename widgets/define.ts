/**
 * customElements.define that never throws: a second definition of the same name (two copies of the
 * script on one page) warns and keeps the first, so every element on the page still works.
 */
export function define(name: string, ctor: CustomElementConstructor): void {
  if (customElements.get(name))
    console.warn(`exostream: <${name}> is already defined (widget script included twice?); keeping the first`);
  else customElements.define(name, ctor);
}
