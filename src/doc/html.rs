//! A document as one HTML file: self-contained (styles and the chart
//! inline, nothing fetched), laid out on A4 for printing with the margins
//! and type sizes of Hướng dẫn 36-HD/VPTW, page numbers from the second
//! page.

use std::fmt::Write as _;

use super::{Block, Document, Table};

/// Text made safe inside HTML elements and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
@page { size: A4; margin: 20mm 15mm 20mm 30mm;
  @bottom-center { content: counter(page); font: 13pt "Times New Roman", Times, serif; } }
@page :first { @bottom-center { content: none; } }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.3;
  color: #000; margin: 0; }
@media screen {
  html { background: #e0e0e0; }
  body { background: #fff; width: 210mm; min-height: 297mm; margin: 8mm auto;
    padding: 20mm 15mm 20mm 30mm; box-shadow: 0 0 4mm #9e9e9e; }
}
table.frame { width: 100%; border-collapse: collapse; }
table.frame td { vertical-align: top; text-align: center; padding: 0; }
.head-left { width: 45%; }
.body-name, .party { font-weight: bold; }
.party { font-size: 15pt; text-decoration: underline; text-underline-offset: 3pt; }
.date { font-style: italic; margin-top: 8pt; }
.about { font-size: 12pt; font-style: italic; margin-top: 2pt; }
.stamp { font-weight: bold; margin-top: 2pt; }
.type { text-align: center; font-size: 16pt; font-weight: bold; margin: 22pt 0 0; }
.subject { text-align: center; font-weight: bold; margin: 0; }
.rule { text-align: center; margin: 0 0 10pt; letter-spacing: 1pt; }
.to { margin: 16pt 0 10pt 25mm; }
.to .lines { margin-left: 23mm; }
p { margin: 6pt 0; }
p.text { text-align: justify; text-indent: 12.7mm; }
h2 { font-size: 14pt; font-weight: bold; margin: 10pt 0 4pt; text-indent: 12.7mm; }
h3 { font-size: 14pt; font-weight: bold; margin: 8pt 0 4pt; text-indent: 12.7mm; }
p.note { font-size: 12pt; font-style: italic; text-indent: 12.7mm; }
table.data { width: 100%; border-collapse: collapse; font-size: 12pt; margin: 6pt 0 8pt;
  page-break-inside: auto; }
table.data th, table.data td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; }
table.data th { font-weight: bold; text-align: center; }
table.data thead { display: table-header-group; }
table.data tr { page-break-inside: avoid; }
td.c { text-align: center; }
tr.total td { font-weight: bold; }
figure { margin: 8pt 0; text-align: center; page-break-inside: avoid; }
figure svg { font-family: "Times New Roman", Times, serif; font-size: 12pt; font-style: normal; max-width: 100%; height: auto; }
figcaption { font-size: 12pt; font-style: italic; }
table.end { margin-top: 14pt; page-break-inside: avoid; }
table.end td.receivers { text-align: left; width: 50%; font-size: 12pt; }
.receivers .label { font-size: 14pt; text-decoration: underline; }
.sign-form, .sign-title, .sign-name { font-weight: bold; }
.sign-space { height: 26mm; }
"#;

/// The document as a whole HTML page.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let title = match &doc.title {
        Some((kind, subject)) => format!("{} {kind} {subject}", doc.number),
        None => format!("{} {}", doc.number, doc.about.clone().unwrap_or_default()),
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    // The header: the body top left, the Party and the date top right.
    out.push_str("<table class=\"frame head\"><tr><td class=\"head-left\">\n");
    let _ = writeln!(out, "<div class=\"above\">{}</div>", escape(&doc.above));
    let _ = writeln!(
        out,
        "<div class=\"body-name\">{}</div>",
        escape(&doc.body_name)
    );
    out.push_str("<div class=\"star\">*</div>\n");
    let _ = writeln!(out, "<div class=\"number\">{}</div>", escape(&doc.number));
    if let Some(stamp) = &doc.stamp {
        let _ = writeln!(out, "<div class=\"stamp\">{}</div>", escape(stamp));
    }
    if let Some(about) = &doc.about {
        let _ = writeln!(out, "<div class=\"about\">{}</div>", escape(about));
    }
    out.push_str("</td><td class=\"head-right\">\n");
    out.push_str("<div class=\"party\">ĐẢNG CỘNG SẢN VIỆT NAM</div>\n");
    let _ = writeln!(out, "<div class=\"date\">{}</div>", escape(&doc.place_date));
    out.push_str("</td></tr></table>\n");

    if let Some((kind, subject)) = &doc.title {
        let _ = writeln!(out, "<h1 class=\"type\">{}</h1>", escape(kind));
        let _ = writeln!(out, "<p class=\"subject\">{}</p>", escape(subject));
        out.push_str("<p class=\"rule\">-----</p>\n");
    }
    match doc.addressees.as_slice() {
        [] => {}
        [one] => {
            let _ = writeln!(out, "<p class=\"to\">Kính gửi: {}</p>", escape(one));
        }
        many => {
            out.push_str("<div class=\"to\">Kính gửi:<div class=\"lines\">\n");
            for line in many {
                let _ = writeln!(out, "<div>{}</div>", escape(line));
            }
            out.push_str("</div></div>\n");
        }
    }
    for block in &doc.blocks {
        match block {
            Block::Heading(text) => {
                let _ = writeln!(out, "<h2>{}</h2>", escape(text));
            }
            Block::Subheading(text) => {
                let _ = writeln!(out, "<h3>{}</h3>", escape(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "<p class=\"text\">{}</p>", escape(text));
            }
            Block::Note(text) => {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(text));
            }
            Block::Table(table) => table_html(&mut out, table),
            Block::Chart(chart) => {
                let _ = writeln!(
                    out,
                    "<figure><figcaption>{}</figcaption>{}</figure>",
                    escape(&chart.title),
                    super::chart::svg(chart)
                );
            }
        }
    }

    // Nơi nhận bottom left, the signature bottom right.
    out.push_str("<table class=\"frame end\"><tr><td class=\"receivers\">\n");
    out.push_str("<div class=\"label\">Nơi nhận:</div>\n");
    for line in &doc.recipients {
        let _ = writeln!(out, "<div>{}</div>", escape(line));
    }
    out.push_str("</td><td class=\"sign\">\n");
    if let Some(form) = &doc.signature.form {
        let _ = writeln!(out, "<div class=\"sign-form\">{}</div>", escape(form));
    }
    let _ = writeln!(
        out,
        "<div class=\"sign-title\">{}</div>\n<div class=\"sign-space\"></div>\n<div class=\"sign-name\">{}</div>",
        escape(&doc.signature.title),
        escape(&doc.signature.name)
    );
    out.push_str("</td></tr></table>\n</body>\n</html>\n");
    out
}

fn table_html(out: &mut String, table: &Table) {
    let total: u32 = table.columns.iter().map(|c| c.width).sum::<u32>().max(1);
    out.push_str("<table class=\"data\">\n<colgroup>");
    for c in &table.columns {
        let _ = write!(
            out,
            "<col style=\"width:{:.1}%\">",
            f64::from(c.width) * 100.0 / f64::from(total)
        );
    }
    out.push_str("</colgroup>\n<thead><tr>");
    for c in &table.columns {
        let _ = write!(out, "<th>{}</th>", escape(&c.header));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str(if row.bold {
            "<tr class=\"total\">"
        } else {
            "<tr>"
        });
        for (cell, column) in row.cells.iter().zip(&table.columns) {
            let class = if column.centred { " class=\"c\"" } else { "" };
            let _ = write!(out, "<td{class}>{}</td>", escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}
