//! The chart of a report: one stacked bar per kind of unit (done on time,
//! done late, open, overdue). The HTML draws it whole as inline SVG; Word
//! gets each bar as a small PNG beside its label and figures, which stay
//! real text (searchable, in the document's own font), so no font has to
//! be drawn into a picture. The bars are rectangles of flat colour: they
//! are encoded directly, with no rasterizer.

use std::fmt::Write as _;

use super::{Bar, Chart, SERIES};
use crate::doc::html::escape;

/// A bar's picture: `width` × `height` pixels, each bucket a run of its
/// colour in proportion to its count, on white, in a thin grey frame.
pub fn bar_png(bar: &Bar, width: u32, height: u32) -> std::io::Result<Vec<u8>> {
    let (w, h) = (width.max(3) as usize, height.max(3) as usize);
    let frame = [0x75, 0x75, 0x75];
    let mut columns = vec![[0xFF_u8; 3]; w];
    let inner = w - 2;
    let total = bar.total();
    if total > 0 {
        let mut start = 0usize;
        let mut sum = 0u32;
        for (count, (_, colour)) in bar.counts.iter().zip(SERIES) {
            sum += count;
            // Ends rounded from the running sum: the runs fill the bar exactly.
            let end = (u64::from(sum) * inner as u64 / u64::from(total)) as usize;
            for c in &mut columns[1 + start..1 + end] {
                *c = colour;
            }
            start = end;
        }
    }
    columns[0] = frame;
    columns[w - 1] = frame;
    let mut data = Vec::with_capacity(w * h * 3);
    for y in 0..h {
        for column in &columns {
            let pixel = if y == 0 || y == h - 1 { &frame } else { column };
            data.extend_from_slice(pixel);
        }
    }
    encode(&data, w as u32, h as u32)
}

/// A square of one bucket's colour, for the legend.
pub fn swatch_png(series: usize, side: u32) -> std::io::Result<Vec<u8>> {
    let colour = SERIES[series.min(SERIES.len() - 1)].1;
    let side = side.max(1);
    let data: Vec<u8> = (0..side * side).flat_map(|_| colour).collect();
    encode(&data, side, side)
}

fn encode(rgb: &[u8], width: u32, height: u32) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(std::io::Error::other)?;
    writer
        .write_image_data(rgb)
        .map_err(std::io::Error::other)?;
    writer.finish().map_err(std::io::Error::other)?;
    Ok(out)
}

/// What a bar says beside it: `7/20 hoàn thành`.
pub fn bar_caption(bar: &Bar) -> String {
    format!(
        "{}/{} hoàn thành",
        bar.counts[0] + bar.counts[1],
        bar.total()
    )
}

/// The whole chart as SVG, for the HTML: labels left, bars, captions
/// right, the legend under them.
pub fn svg(chart: &Chart) -> String {
    const WIDTH: u32 = 640;
    const LABEL: u32 = 150;
    const BAR: u32 = 360;
    const ROW: u32 = 34;
    const BAR_HEIGHT: u32 = 22;
    let legend_top = chart.bars.len() as u32 * ROW + 12;
    let height = legend_top + 2 * 22 + 4;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" \
         width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-label=\"{}\">",
        escape(&chart.title)
    );
    // Quarter lines behind the bars.
    for q in 0..=4 {
        let x = LABEL + BAR * q / 4;
        let _ = write!(
            out,
            "<line x1=\"{x}\" y1=\"2\" x2=\"{x}\" y2=\"{}\" stroke=\"#bdbdbd\" stroke-width=\"0.5\"/>",
            legend_top - 8
        );
    }
    for (i, bar) in chart.bars.iter().enumerate() {
        let top = i as u32 * ROW + 6;
        let middle = top + BAR_HEIGHT / 2 + 5;
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{middle}\" text-anchor=\"end\">{}</text>",
            LABEL - 8,
            escape(&bar.label)
        );
        let total = bar.total();
        let mut x = 0u32;
        let mut sum = 0u32;
        for (count, (name, colour)) in bar.counts.iter().zip(SERIES) {
            sum += count;
            let end = (u64::from(BAR) * u64::from(sum))
                .checked_div(u64::from(total))
                .map_or(0, |e| e as u32);
            let width = end - x;
            if width > 0 {
                let _ = write!(
                    out,
                    "<rect x=\"{}\" y=\"{top}\" width=\"{width}\" height=\"{BAR_HEIGHT}\" \
                     fill=\"#{:02x}{:02x}{:02x}\"><title>{}: {count}</title></rect>",
                    LABEL + x,
                    colour[0],
                    colour[1],
                    colour[2],
                    escape(name)
                );
                if width >= 22 {
                    let ink = if colour == SERIES[2].1 || colour == SERIES[1].1 {
                        "#000"
                    } else {
                        "#fff"
                    };
                    let _ = write!(
                        out,
                        "<text x=\"{}\" y=\"{middle}\" text-anchor=\"middle\" fill=\"{ink}\">{count}</text>",
                        LABEL + x + width / 2
                    );
                }
            }
            x = end;
        }
        let _ = write!(
            out,
            "<rect x=\"{LABEL}\" y=\"{top}\" width=\"{BAR}\" height=\"{BAR_HEIGHT}\" fill=\"none\" stroke=\"#757575\"/>\
             <text x=\"{}\" y=\"{middle}\">{}</text>",
            LABEL + BAR + 8,
            escape(&bar_caption(bar))
        );
    }
    for (i, (name, colour)) in SERIES.iter().enumerate() {
        let x = 20 + (i as u32 % 2) * 300;
        let y = legend_top + (i as u32 / 2) * 22;
        let _ = write!(
            out,
            "<rect x=\"{x}\" y=\"{y}\" width=\"14\" height=\"14\" fill=\"#{:02x}{:02x}{:02x}\"/>\
             <text x=\"{}\" y=\"{}\">{}</text>",
            colour[0],
            colour[1],
            colour[2],
            x + 20,
            y + 12,
            escape(name)
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
        let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
        let info = reader.next_frame(&mut buf).expect("a frame");
        buf.truncate(info.buffer_size());
        (info.width, info.height, buf)
    }

    #[test]
    fn a_bar_fills_its_frame_in_proportion() {
        let bar = Bar {
            label: "Chi bộ cơ sở".into(),
            counts: [1, 1, 0, 2],
        };
        let (w, h, data) = decode(&bar_png(&bar, 102, 10).expect("encoded"));
        assert_eq!((w, h), (102, 10));
        let pixel = |x: usize, y: usize| {
            let i = (y * w as usize + x) * 3;
            [data[i], data[i + 1], data[i + 2]]
        };
        // 100 pixels inside: 25 on time, 25 late, 50 overdue.
        assert_eq!(pixel(1, 5), SERIES[0].1);
        assert_eq!(pixel(25, 5), SERIES[0].1);
        assert_eq!(pixel(26, 5), SERIES[1].1);
        assert_eq!(pixel(51, 5), SERIES[3].1);
        assert_eq!(pixel(100, 5), SERIES[3].1);
        assert_eq!(pixel(0, 5), [0x75, 0x75, 0x75]);
        let empty = Bar {
            label: String::new(),
            counts: [0; 4],
        };
        let (_, _, data) = decode(&bar_png(&empty, 10, 4).expect("encoded"));
        // Inside the frame (row 1, column 1): white.
        assert_eq!(&data[33..36], &[0xFF, 0xFF, 0xFF]);
    }

    #[test]
    fn the_svg_names_every_bucket_and_escapes_labels() {
        let chart = Chart {
            title: "Tiến độ <theo loại>".into(),
            bars: vec![Bar {
                label: "Chi bộ & Đảng bộ".into(),
                counts: [3, 0, 1, 2],
            }],
        };
        let svg = svg(&chart);
        assert!(svg.contains("Chi bộ &amp; Đảng bộ"), "{svg}");
        assert!(svg.contains("Tiến độ &lt;theo loại&gt;"), "{svg}");
        for (name, _) in SERIES {
            assert!(svg.contains(name), "{name}");
        }
        assert!(svg.contains("3/6 hoàn thành"), "{svg}");
    }
}
