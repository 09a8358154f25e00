import { html, nothing, type TemplateResult } from "lit";
import type { SavedItem } from "../app/saved-store";

/** Options of {@link savedList}. */
export interface SavedListOptions<T> {
  id: string;
  title: string;
  items: ReadonlyArray<SavedItem<T>>;
  name: string;
  canSave: boolean;
  /** Why saving is off (invalid fields), shown beside the button. */
  whyNot?: string | undefined;
  onName: (v: string) => void;
  onSave: () => void;
  onLoad: (item: SavedItem<T>) => void;
  onDelete: (item: SavedItem<T>) => void;
}

/** "Save as…" with a name, and the list of saved items (load, delete). */
export function savedList<T>(o: SavedListOptions<T>): TemplateResult {
  return html`<section aria-labelledby=${`${o.id}-h`}>
    <h2 id=${`${o.id}-h`}>${o.title}</h2>
    <div class="row">
      <label for=${`${o.id}-name`} class="label">Name</label>
      <input id=${`${o.id}-name`} type="text" class="name-input" .value=${o.name} @input=${(e: Event) => o.onName((e.target as HTMLInputElement).value)} />
      <button type="button" ?disabled=${!o.canSave} @click=${o.onSave}>Save</button>
      ${!o.canSave && o.whyNot ? html`<span class="muted">${o.whyNot}</span>` : nothing}
    </div>
    ${
      o.items.length
        ? html`<ul class="saved" data-testid=${`${o.id}-list`}>
          ${o.items.map(
            (it) => html`<li>
              <span class="saved-name">${it.name}</span> <span class="muted">(${new Date(it.saved_at).toLocaleString("en-US")})</span>
              <button type="button" class="secondary" @click=${() => o.onLoad(it)}>Load<span class="visually-hidden"> ${it.name}</span></button>
              <button type="button" class="secondary" @click=${() => o.onDelete(it)}>Delete<span class="visually-hidden"> ${it.name}</span></button>
            </li>`,
          )}
        </ul>`
        : html`<p class="muted">Nothing saved yet.</p>`
    }
  </section>`;
}
