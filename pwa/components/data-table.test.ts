// Component test (@web/test-runner, real Chromium): the captioned table and its CSV download.
import { expect } from "chai";
import { html, render } from "lit";
import { dataTable } from "./data-table";

interface Row {
  ticker: string;
  cost: number;
  note: string | null;
}

const ROWS: Row[] = [
  { ticker: "GPT-4.1", cost: 0.0128, note: "=cheapest" },
  { ticker: "SONNET-4.5", cost: 0.0534, note: 'say "hi", ok' },
];

function mount(): HTMLElement {
  const host = document.createElement("div");
  document.body.append(host);
  render(
    dataTable<Row>({
      id: "t",
      caption: "Cost per call",
      filename: "costs",
      rows: ROWS,
      note: (r) => (r.ticker === "GPT-4.1" ? "cheapest" : ""),
      columns: [
        { label: "Model", value: (r) => r.ticker },
        { label: "Cost (USD)", value: (r) => r.cost, cell: (r) => html`<b>$${r.cost.toFixed(2)}</b>`, num: true },
        { label: "Note", value: (r) => r.note },
      ],
    }),
    host,
  );
  return host;
}

afterEach(() => (document.body.innerHTML = ""));

describe("dataTable", () => {
  it("renders a caption, column headers, a row header per row and the shown (rounded) cells", () => {
    const host = mount();
    const t = host.querySelector("table#t")!;
    expect(t.querySelector("caption")!.textContent).to.equal("Cost per call");
    const head = (th: Element) => [th.textContent, th.getAttribute("scope"), th.className];
    const heads = [...t.querySelectorAll("thead th")].map(head);
    expect(heads).to.deep.equal([
      ["Model", "col", ""],
      ["Cost (USD)", "col", "num"],
      ["Note", "col", ""],
    ]);
    const cells = (tr: Element) => [...tr.children].map((c) => `${c.tagName}:${c.textContent!.trim()}`);
    const rows = [...t.querySelectorAll("tbody tr")].map(cells);
    expect(rows).to.deep.equal([
      ["TH:GPT-4.1 cheapest", "TD:$0.01", "TD:=cheapest"],
      ["TH:SONNET-4.5", "TD:$0.05", 'TD:say "hi", ok'],
    ]);
  });

  it("Download CSV saves the raw values as RFC 4180 text, formulas neutralised", async () => {
    const host = mount();
    const saved = new Promise<{ name: string; text: string }>((ok) => {
      const onClick = (e: MouseEvent) => {
        const a = e.target as HTMLAnchorElement;
        if (a.tagName !== "A" || !a.download) return; // the button's own click
        e.preventDefault(); // keep the browser from writing a file; read the blob instead
        document.removeEventListener("click", onClick, true);
        void fetch(a.href).then(async (r) => ok({ name: a.download, text: await r.text() }));
      };
      document.addEventListener("click", onClick, true);
    });
    const button = host.querySelector("button")!;
    expect(button.textContent!.replace(/\s+/g, " ").trim()).to.equal("Download CSV: Cost per call");
    button.click();
    const { name, text } = await saved;
    expect(name).to.equal("costs.csv");
    expect(text.split("\r\n")).to.deep.equal([
      "Model,Cost (USD),Note",
      "GPT-4.1,0.0128,'=cheapest", // a leading = would be a spreadsheet formula
      'SONNET-4.5,0.0534,"say ""hi"", ok"',
      "",
    ]);
  });
});
