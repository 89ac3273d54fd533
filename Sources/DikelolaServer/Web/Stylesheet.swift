import Vapor

/// The one stylesheet: small, readable, printable on A4, usable at 1366×768 and on a phone.
/// Served by the application so the content security policy can forbid inline styles.
enum Stylesheet {
    static let css = """
        :root { --ink: #1b1f23; --muted: #57606a; --line: #d0d7de; --accent: #0b5394; --bad: #b3261e; --ok: #1a7f37; --bg: #ffffff; }
        * { box-sizing: border-box; }
        html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; font-size: 16px; color: var(--ink); background: var(--bg); }
        body { margin: 0; line-height: 1.5; }
        a { color: var(--accent); }
        .visibility { font-size: .78rem; font-weight: 600; margin-left: .4rem; padding: 0 .35rem; border-radius: .25rem; white-space: nowrap; }
        .visibility.published { color: #7a4b00; background: #fff4d6; } .visibility.internal { color: var(--muted); background: #eef1f4; }
        html[lang="id"] .visibility[lang="en"], html[lang="en"] .visibility[lang="id"] { display: none; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
        header.site { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; padding: .75rem 1.25rem; border-bottom: 1px solid var(--line); }
        header.site .brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; color: var(--ink); }
        header.site nav { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.25rem; }
        footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; padding: .75rem 1.25rem; }
        h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
        form.stack { max-width: 28rem; }
        form.inline { display: inline; }
        form.inline.start { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .25rem 0; }
        form.start label { min-width: 18rem; font-weight: 600; }
        form.start input[type=text] { flex: 1; min-width: 14rem; }
        .field { margin-bottom: 1rem; display: flex; flex-direction: column; gap: .25rem; }
        .field label { font-weight: 600; }
        .field small { color: var(--muted); }
        input, select, textarea, button { font: inherit; }
        input, select, textarea { padding: .5rem .6rem; border: 1px solid #8c959f; border-radius: 4px; width: 100%; }
        input:focus, select:focus, textarea:focus, button:focus, a:focus { outline: 3px solid #f2b705; outline-offset: 1px; }
        .field.invalid input { border-color: var(--bad); border-width: 2px; }
        .error { color: var(--bad); margin: 0; font-weight: 600; }
        button { padding: .5rem 1rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; }
        header.site button { background: #fff; color: var(--accent); padding: .25rem .75rem; }
        .notice { padding: .75rem 1rem; border-left: 4px solid var(--accent); background: #eef4fb; }
        .notice.error { border-color: var(--bad); background: #fbeeee; }
        .notice.ok { border-color: var(--ok); background: #eef8f0; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        section.step { border: 1px solid var(--line); border-left: 4px solid var(--accent); padding: .5rem 1rem; margin: 1rem 0; }
        section.item { border-top: 1px solid var(--line); padding: .5rem 0; }
        .overdue { color: var(--bad); font-weight: 700; }
        div.returned { border-left: 4px solid #b45309; background: #fff7ed; padding: .25rem 1rem; margin: .5rem 0 1rem; }
        div.returned blockquote { margin: .25rem 0 .5rem; font-style: italic; white-space: pre-line; }
        tr.returned { background: #fff7ed; }
        .tag { font-size: .8rem; font-weight: 700; padding: 0 .4rem; border-radius: .25rem; white-space: nowrap; }
        .tag.returned { color: #7c2d12; background: #fed7aa; }
        :target { scroll-margin-top: 1rem; } .field:has(:target), section.item:target { outline: 3px solid #f2b705; outline-offset: 4px; }
        .pending { color: var(--muted); font-style: italic; }
        ul.findings li { color: #7a4b00; }
        form.stack.import { max-width: none; }
        table.import-rows { width: 100%; }
        table.import-rows td { vertical-align: top; }
        table.import-rows td:nth-child(4) { min-width: 18rem; }
        table.import-rows tr.refused { background: #fbeeee; }
        table.import-rows tr.skipped { opacity: .6; }
        ul.import-findings { margin: 0; padding-left: 1rem; }
        ul.import-findings li.refused { color: var(--bad); }
        ul.import-findings li.warning { color: #7a4b00; }
        ul.import-findings li.note { color: #444; }
        div.columns { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: .5rem; }
        details { margin: .5rem 0; } summary { cursor: pointer; color: var(--accent); }
        button.secondary { background: #fff; color: var(--bad); border-color: var(--bad); }
        .document { max-width: 21cm; margin: 0 auto; font-family: "Times New Roman", "DejaVu Serif", serif; }
        .document td, .document th, .document p, .document li { overflow-wrap: anywhere; }
        .letterhead { display: flex; gap: 1rem; align-items: center; border-bottom: 3px double var(--ink); padding-bottom: .5rem; text-align: center; justify-content: center; }
        .letterhead p { margin: 0; font-weight: 700; } .letterhead .logo, img.logo { max-height: 80px; }
        .document h1.title { text-align: center; font-size: 1.1rem; margin-top: 1rem; } .document .number { text-align: center; }
        .signature { margin-left: 55%; margin-top: 1.5rem; } .signature p { margin: .1rem 0; } .sign-space { height: 4rem; }
        h2.attachment { font-size: 1rem; text-align: center; margin-top: 2rem; break-before: page; }
        .keputusan .heading { text-align: center; margin: 1rem 0 .5rem; }
        .keputusan table.diktum { border: 0; width: 100%; margin: .25rem 0; } .keputusan table.diktum td { border: 0; padding: .1rem .25rem; vertical-align: top; text-align: justify; }
        .keputusan table.diktum td:first-child { width: 7.5rem; white-space: nowrap; } .keputusan table.diktum td:nth-child(2) { width: 1rem; }
        .signer-name { text-decoration: underline; } .copies { margin-top: 1.5rem; font-size: .95rem; } .copies p { margin: 0; }
        .attachment-heading { margin: 2rem 0 1rem 50%; break-before: page; } .attachment-heading p { margin: 0; }
        .draft-mark { text-align: center; font-weight: 700; letter-spacing: .4em; color: var(--bad); border: 2px solid var(--bad); max-width: 21cm; margin: 0 auto 1rem; }
        table.register { font-size: .9rem; }
        [hidden] { display: none !important; }
        form.sending button { opacity: .6; cursor: progress; }
        output.period-preview { display: block; margin: 0 0 1rem; padding: .5rem .75rem; background: #f6f8fa; border-left: 4px solid var(--line); }
        output.period-preview:empty { display: none; } output.period-preview p { margin: .15rem 0; }
        @media print { header.site, footer.site, .skip, form.inline, .no-print { display: none; } main { max-width: none; padding: 0; } .toolbar { display: none; } }
        @media print { thead { display: table-header-group; } tr, .signature, .dated { break-inside: avoid; } h1, h2, h3, .dated { break-after: avoid; } section.item, div.chart { break-inside: avoid; } }
        div.charts { display: grid; grid-template-columns: 1fr; gap: 1rem; }
        figure.chart { margin: 0 0 1rem; border: 1px solid var(--line); padding: .5rem .75rem; }
        figure.chart figcaption { font-weight: 700; margin-bottom: .5rem; }
        .chart-body { display: grid; grid-template-columns: 3fr 2fr; gap: 1rem; align-items: start; }
        .chart-body svg { max-width: 100%; height: auto; } .chart-body td.number { text-align: right; }
        @media screen and (max-width: 40rem) { .chart-body { grid-template-columns: 1fr; } }
        table.signatures td.sign-line { width: 14rem; padding-top: 1.5rem; color: var(--muted); }
        @page { size: A4; margin: 2cm 2cm 2.2cm; @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font-size: 9pt; font-family: "Times New Roman", "DejaVu Serif", serif; } }
        @page wide { size: A4 landscape; margin: 1.5cm 2cm 2cm; @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font-size: 9pt; font-family: "Times New Roman", "DejaVu Serif", serif; } }
        @media print { .attachment-pages, .register-pages { page: wide; } .document.register-pages { max-width: none; } }
        .toolbar { margin: 0 0 1rem; }
        @media screen and (max-width: 40rem) {
          main { padding: .75rem; } header.site { padding: .5rem .75rem; } header.site nav { gap: .5rem; font-size: .9rem; }
          table { display: block; overflow-x: auto; } .signature { margin-left: 30%; } form.stack { max-width: none; }
        }
        """

    static func response() -> Response {
        let response = Response(status: .ok, body: .init(string: css))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}
