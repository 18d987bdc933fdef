//! A document as a Word file (.docx), in the form of Hướng dẫn 36-HD/VPTW:
//! A4, margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New
//! Roman, the body at 14 pt; the header block and the signature as tables
//! without borders; the body's tables as real Word tables; page numbers in
//! the footer from the second page. Written with `docx-rs`.

use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph, Pic,
    Run, RunFonts, SpecialIndentType, Table as DocxTable, TableCell, TableLayoutType, TableRow,
    VAlignType, WidthType,
};

use super::chart::{bar_caption, bar_png, swatch_png};
use super::{Block, Chart, Document, SERIES, Table};

/// A4 in twentieths of a point.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
/// Margins: 20 mm top and bottom, 30 mm left, 15 mm right; header and
/// footer 10 mm from the edge.
const TOP: i32 = 1134;
const BOTTOM: i32 = 1134;
const LEFT: i32 = 1701;
const RIGHT: i32 = 850;
const EDGE: i32 = 567;
/// The width the text runs in.
const TEXT_WIDTH: usize = (PAGE_WIDTH as i32 - LEFT - RIGHT) as usize;
/// A first line indented 1.27 cm.
const INDENT: i32 = 720;
/// Type sizes in half points.
const PT12: usize = 24;
const PT14: usize = 28;
const PT15: usize = 30;
const PT16: usize = 32;
/// English Metric Units in a twentieth of a point.
const EMU_PER_TWIP: u32 = 635;

const FONT: &str = "Times New Roman";

/// The document as the bytes of a .docx file.
pub fn render(doc: &Document) -> std::io::Result<Vec<u8>> {
    let stamp = format!("{}T00:00:00Z", doc.dated.format("%Y-%m-%d"));
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(TOP)
                .bottom(BOTTOM)
                .left(LEFT)
                .right(RIGHT)
                .header(EDGE)
                .footer(EDGE),
        )
        .default_fonts(fonts())
        .default_size(PT14)
        .created_at(&stamp)
        .updated_at(&stamp)
        // The first page has no number; the others have theirs at the foot.
        .title_pg()
        .first_footer(Footer::new().add_paragraph(Paragraph::new()))
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_page_num(PageNum::new()),
            ),
        )
        .add_table(header(doc));
    if let Some((kind, subject)) = &doc.title {
        docx = docx
            .add_paragraph(
                line(kind, PT16, Style::BOLD, AlignmentType::Center).line_spacing(spacing(360, 0)),
            )
            .add_paragraph(line(subject, PT14, Style::BOLD, AlignmentType::Center))
            .add_paragraph(line("-----", PT14, Style::PLAIN, AlignmentType::Center))
            .add_paragraph(Paragraph::new());
    }
    docx = addressees(docx, &doc.addressees);
    for block in &doc.blocks {
        docx = match block {
            // A heading stays with what follows it.
            Block::Heading(text) | Block::Subheading(text) => docx.add_paragraph(
                body_line(text, PT14, Style::BOLD)
                    .line_spacing(spacing(120, 0))
                    .keep_next(true),
            ),
            Block::Paragraph(text) => docx.add_paragraph(body_line(text, PT14, Style::PLAIN)),
            Block::Note(text) => docx.add_paragraph(body_line(text, PT12, Style::ITALIC)),
            Block::Table(table) => docx
                .add_table(data_table(table))
                .add_paragraph(Paragraph::new().line_spacing(spacing(0, 0))),
            // The chart's title above it, kept on its page.
            Block::Chart(chart) => docx
                .add_paragraph(
                    line(&chart.title, PT12, Style::ITALIC, AlignmentType::Center)
                        .line_spacing(spacing(120, 60))
                        .keep_next(true),
                )
                .add_table(chart_table(chart)?),
        };
    }
    docx = docx.add_paragraph(Paragraph::new()).add_table(closing(doc));
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).map_err(std::io::Error::other)?;
    Ok(out.into_inner())
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

/// How a run of text looks.
#[derive(Clone, Copy)]
struct Style {
    bold: bool,
    italic: bool,
    underline: bool,
}

impl Style {
    const PLAIN: Style = Style {
        bold: false,
        italic: false,
        underline: false,
    };
    const BOLD: Style = Style {
        bold: true,
        ..Style::PLAIN
    };
    const ITALIC: Style = Style {
        italic: true,
        ..Style::PLAIN
    };
}

fn run(text: &str, size: usize, style: Style) -> Run {
    let mut run = Run::new().add_text(text).size(size).fonts(fonts());
    if style.bold {
        run = run.bold();
    }
    if style.italic {
        run = run.italic();
    }
    if style.underline {
        run = run.underline("single");
    }
    run
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new()
        .before(before)
        .after(after)
        .line(252)
        .line_rule(LineSpacingType::Auto)
}

/// One line of the header, title or signature.
fn line(text: &str, size: usize, style: Style, align: AlignmentType) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, size, style))
        .align(align)
        .line_spacing(spacing(0, 0))
}

/// A paragraph of the body: justified, its first line indented.
fn body_line(text: &str, size: usize, style: Style) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, size, style))
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
        .line_spacing(
            LineSpacing::new()
                .before(120)
                .after(0)
                .line(288)
                .line_rule(LineSpacingType::Auto),
        )
}

fn cell(width: usize) -> TableCell {
    TableCell::new().width(width, WidthType::Dxa)
}

/// The top of the first page: the body left, the Party and the date right.
fn header(doc: &Document) -> DocxTable {
    let (left_width, right_width) = (TEXT_WIDTH * 45 / 100, TEXT_WIDTH - TEXT_WIDTH * 45 / 100);
    let centred = AlignmentType::Center;
    let mut left = cell(left_width)
        .add_paragraph(line(&doc.above, PT14, Style::PLAIN, centred))
        .add_paragraph(line(&doc.body_name, PT14, Style::BOLD, centred))
        .add_paragraph(line("*", PT14, Style::PLAIN, centred))
        .add_paragraph(line(&doc.number, PT14, Style::PLAIN, centred));
    if let Some(stamp) = &doc.stamp {
        left = left.add_paragraph(line(stamp, PT14, Style::BOLD, centred));
    }
    if let Some(about) = &doc.about {
        left = left.add_paragraph(line(about, PT12, Style::ITALIC, centred));
    }
    let party = Style {
        underline: true,
        ..Style::BOLD
    };
    let right = cell(right_width)
        .add_paragraph(line("ĐẢNG CỘNG SẢN VIỆT NAM", PT15, party, centred))
        .add_paragraph(
            line(&doc.place_date, PT14, Style::ITALIC, centred).line_spacing(spacing(160, 0)),
        );
    DocxTable::without_borders(vec![TableRow::new(vec![left, right])])
        .set_grid(vec![left_width, right_width])
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// `Kính gửi:` and whom a công văn goes to.
fn addressees(docx: Docx, lines: &[String]) -> Docx {
    let indent = |p: Paragraph, left: i32| p.indent(Some(left), None, None, None);
    match lines {
        [] => docx,
        [one] => docx.add_paragraph(indent(
            line(
                &format!("Kính gửi: {one}"),
                PT14,
                Style::PLAIN,
                AlignmentType::Left,
            )
            .line_spacing(spacing(240, 120)),
            1418,
        )),
        many => {
            let mut docx = docx.add_paragraph(indent(
                line("Kính gửi:", PT14, Style::PLAIN, AlignmentType::Left)
                    .line_spacing(spacing(240, 0)),
                1418,
            ));
            for l in many {
                docx = docx.add_paragraph(indent(
                    line(l, PT14, Style::PLAIN, AlignmentType::Left),
                    2835,
                ));
            }
            docx.add_paragraph(Paragraph::new().line_spacing(spacing(0, 0)))
        }
    }
}

/// A table of the body: bordered, its header row bold, at 13 pt.
fn data_table(table: &Table) -> DocxTable {
    let total: u32 = table.columns.iter().map(|c| c.width).sum::<u32>().max(1);
    let widths: Vec<usize> = table
        .columns
        .iter()
        .map(|c| TEXT_WIDTH * c.width as usize / total as usize)
        .collect();
    let text_cell = |text: &str, width: usize, centred: bool, style: Style| {
        let align = if centred {
            AlignmentType::Center
        } else {
            AlignmentType::Left
        };
        cell(width)
            .vertical_align(VAlignType::Center)
            .add_paragraph(line(text, PT12, style, align).line_spacing(spacing(40, 40)))
    };
    let mut rows = vec![TableRow::new(
        table
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| text_cell(&c.header, *w, true, Style::BOLD))
            .collect(),
    )];
    for row in &table.rows {
        let style = if row.bold { Style::BOLD } else { Style::PLAIN };
        rows.push(TableRow::new(
            row.cells
                .iter()
                .zip(table.columns.iter().zip(&widths))
                .map(|(text, (c, w))| text_cell(text, *w, c.centred, style))
                .collect(),
        ));
    }
    DocxTable::new(rows)
        .set_grid(widths)
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// The chart: each kind's label, its bar as a picture, and its figures,
/// then the legend.
fn chart_table(chart: &Chart) -> std::io::Result<DocxTable> {
    let (label_width, caption_width) = (2300, 2100);
    let bar_width = TEXT_WIDTH - label_width - caption_width;
    // The picture leaves the cell's padding (about 0.2 cm each side).
    let (bar_twips, bar_height_twips) = (bar_width as u32 - 260, 300);
    let mut rows = Vec::new();
    for bar in &chart.bars {
        let png = bar_png(bar, 600, 36)?;
        let picture = Pic::new_with_dimensions(png, 600, 36)
            .size(bar_twips * EMU_PER_TWIP, bar_height_twips * EMU_PER_TWIP);
        rows.push(
            TableRow::new(vec![
                cell(label_width)
                    .vertical_align(VAlignType::Center)
                    .add_paragraph(
                        line(&bar.label, PT12, Style::PLAIN, AlignmentType::Right).keep_next(true),
                    ),
                cell(bar_width)
                    .vertical_align(VAlignType::Center)
                    .add_paragraph(
                        Paragraph::new()
                            .add_run(Run::new().add_image(picture))
                            .align(AlignmentType::Center)
                            .line_spacing(spacing(60, 60)),
                    ),
                cell(caption_width)
                    .vertical_align(VAlignType::Center)
                    .add_paragraph(line(
                        &bar_caption(bar),
                        PT12,
                        Style::PLAIN,
                        AlignmentType::Left,
                    )),
            ])
            .cant_split(),
        );
    }
    // The legend: two buckets a line, each after its colour.
    let mut legend = cell(TEXT_WIDTH).grid_span(3);
    for pair in [0, 2] {
        let mut p = Paragraph::new()
            .align(AlignmentType::Left)
            .indent(Some(600), None, None, None)
            .line_spacing(spacing(if pair == 0 { 80 } else { 0 }, 0))
            .add_tab(docx_rs::Tab::new().pos(4800));
        for (i, (name, _)) in SERIES.iter().enumerate().skip(pair).take(2) {
            let side = 160 * EMU_PER_TWIP;
            let swatch = Pic::new_with_dimensions(swatch_png(i, 12)?, 12, 12).size(side, side);
            if i > pair {
                p = p.add_run(Run::new().add_tab());
            }
            p = p.add_run(Run::new().add_image(swatch)).add_run(run(
                &format!(" {name}"),
                PT12,
                Style::PLAIN,
            ));
        }
        legend = legend.add_paragraph(p);
    }
    rows.push(TableRow::new(vec![legend]).cant_split());
    Ok(DocxTable::without_borders(rows)
        .set_grid(vec![label_width, bar_width, caption_width])
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa))
}

/// Nơi nhận bottom left, the signature bottom right.
fn closing(doc: &Document) -> DocxTable {
    let half = TEXT_WIDTH / 2;
    let label = Style {
        underline: true,
        ..Style::PLAIN
    };
    let mut left = cell(half).add_paragraph(line("Nơi nhận:", PT14, label, AlignmentType::Left));
    for l in &doc.recipients {
        left = left.add_paragraph(line(l, PT12, Style::PLAIN, AlignmentType::Left));
    }
    let centred = AlignmentType::Center;
    let mut right = cell(TEXT_WIDTH - half);
    if let Some(form) = &doc.signature.form {
        right = right.add_paragraph(line(form, PT14, Style::BOLD, centred));
    }
    right = right.add_paragraph(line(&doc.signature.title, PT14, Style::BOLD, centred));
    for _ in 0..4 {
        right = right.add_paragraph(line("", PT14, Style::PLAIN, centred));
    }
    right = right.add_paragraph(line(&doc.signature.name, PT14, Style::BOLD, centred));
    DocxTable::without_borders(vec![TableRow::new(vec![left, right]).cant_split()])
        .set_grid(vec![half, TEXT_WIDTH - half])
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa)
}
