extension InvoiceHTML {
    /// The page's CSS: system fonts only (no web fonts, no external assets), A4 on print.
    static let stylesheet = """
        :root { --ink: #1d2330; --muted: #5b6475; --line: #dde2ea; --soft: #f4f6fa; --credit: #0f7b4f; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #e8ebf1; color: var(--ink);
          font: 13px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
        code, .number, .id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; }
        .sheet { max-width: 210mm; margin: 24px auto; background: #fff; padding: 16mm 15mm 12mm; box-shadow: 0 2px 14px rgba(20, 30, 60, .14); }
        .top { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 3px solid var(--ink); padding-bottom: 10px; }
        .brand .mark { font-size: 24px; font-weight: 800; letter-spacing: .02em; }
        .brand .sub, .muted { color: var(--muted); }
        .doc { text-align: right; }
        .doc h1 { margin: 0; font-size: 24px; font-weight: 600; text-transform: uppercase; letter-spacing: .1em; }
        .doc .number { font-size: 14px; margin: 2px 0 4px; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 3px; font-size: 10px; font-weight: 700; letter-spacing: .12em; }
        .badge.draft { background: #fff3cd; color: #7a5600; border: 1px solid #e6c96b; }
        .badge.final { background: #e3f4ea; color: #17663d; border: 1px solid #9fd3b4; }
        .parties { display: flex; justify-content: space-between; gap: 24px; margin: 16px 0 14px; }
        h2, figcaption, .total-box .label { font-size: 10.5px; font-weight: 600; text-transform: uppercase; letter-spacing: .09em; color: var(--muted); margin: 0 0 6px; }
        .billed p { margin: 0; }
        .billed .bu { font-size: 19px; font-weight: 700; }
        .billed .path { color: var(--muted); margin-top: 2px; }
        dl.meta { display: grid; grid-template-columns: auto auto; gap: 1px 18px; margin: 0; align-content: start; }
        dl.meta dt { color: var(--muted); }
        dl.meta dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
        .summary { display: flex; gap: 16px; align-items: stretch; margin: 0 0 16px; break-inside: avoid; }
        .total-box { flex: 0 0 180px; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; }
        .total-box .value { font-size: 26px; font-weight: 800; font-variant-numeric: tabular-nums; line-height: 1.15; }
        .total-box .currency { font-weight: 600; }
        .total-box .counts { color: var(--muted); margin-top: 10px; font-size: 11.5px; }
        figure.chart { flex: 1; margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px 6px; min-width: 0; }
        figure.chart svg { display: block; width: 100%; height: auto; }
        table.lines { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
        table.lines th { text-align: left; font-size: 10.5px; text-transform: uppercase; letter-spacing: .07em; color: var(--muted);
          border-bottom: 2px solid var(--ink); padding: 5px 6px; }
        table.lines td { padding: 4px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
        .amount { text-align: right; white-space: nowrap; }
        th.amount { text-align: right; }
        tr.org td { background: var(--ink); color: #fff; font-weight: 700; padding-top: 6px; border-bottom: none; }
        tr.org .id { color: #b9c2d3; font-weight: 400; font-size: 11px; margin-left: 6px; }
        tr.account td { background: var(--soft); font-weight: 600; }
        td.service { white-space: nowrap; color: #313a4c; }
        .share, .src { color: var(--muted); font-size: 11px; overflow-wrap: anywhere; }
        tr.subtotal td { font-weight: 600; border-bottom: 1px solid #b8c0cf; }
        tr.org-subtotal td { font-weight: 700; border-bottom: 2px solid var(--ink); }
        tr.grand td { font-size: 15px; font-weight: 800; border-top: 3px double var(--ink); border-bottom: none; padding-top: 8px; }
        .negative { color: var(--credit); }
        .notes { margin-top: 20px; border-top: 1px solid var(--line); padding-top: 10px; break-inside: avoid-page; }
        .notes dl { margin: 0; }
        .notes dt { font-weight: 700; margin-top: 8px; }
        .notes dd { margin: 2px 0 0; color: #343c4c; max-width: 62em; }
        footer { margin-top: 18px; color: var(--muted); font-size: 10.5px; display: flex; justify-content: space-between; border-top: 1px solid var(--line); padding-top: 6px; }
        table.index td a { color: var(--ink); }
        @page { size: A4; margin: 12mm; }
        @media print {
          body { background: #fff; }
          .sheet { margin: 0; padding: 0; box-shadow: none; max-width: none; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          tr.org td, tr.account td, .total-box, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
