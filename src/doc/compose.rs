//! The words of a report (báo cáo) and of a reminder (công văn đôn đốc),
//! from the facts `app::documents` computed and the committee's settings.
//! A setting not set leaves `…` for the clerk to fill in Word, and is named
//! among the `missing`.

use chrono::NaiveDate;

use super::{
    BLANK, Bar, Block, Chart, Column, Document, Row, Signature, Table, dmy, lower_first, percent,
    place_date,
};
use crate::app::documents::{LateUnit, TaskFacts};
use crate::app::settings::DocumentSettings;
use crate::domain::UnitKind;
use crate::domain::directive::Directive;
use crate::domain::setting::{NO_SIGN_FORM, SettingKey};
use crate::report::progress::Buckets;
use crate::report::ratings::RatingGroupRow;

/// A document and the settings it lacked.
#[derive(Debug, Clone)]
pub struct Composed {
    pub document: Document,
    pub missing: Vec<SettingKey>,
}

/// Which of a document's settings are set: what it says in their place.
struct Said<'a> {
    settings: &'a DocumentSettings,
    missing: Vec<SettingKey>,
}

impl<'a> Said<'a> {
    fn new(settings: &'a DocumentSettings) -> Said<'a> {
        Said {
            settings,
            missing: Vec::new(),
        }
    }

    /// The value of `key`, else `…` (and `key` is missing).
    fn value(&mut self, key: SettingKey) -> String {
        match self.settings.get(key) {
            Some(v) => v.to_string(),
            None => {
                self.missed(key);
                BLANK.to_string()
            }
        }
    }

    fn missed(&mut self, key: SettingKey) {
        if !self.missing.contains(&key) {
            self.missing.push(key);
        }
    }

    /// The header, date line and signature every document has.
    fn frame(&mut self, type_code: &str, number: Option<u32>, dated: NaiveDate) -> Frame {
        let above = self.value(SettingKey::CapTren).to_uppercase();
        let body_name = self.value(SettingKey::CoQuan).to_uppercase();
        let code = self.value(SettingKey::KyHieu);
        let number = number.map_or(BLANK.to_string(), |n| n.to_string());
        let place = self.value(SettingKey::DiaDanh);
        let form = match self.settings.get(SettingKey::QuyenHan) {
            Some(NO_SIGN_FORM) => None,
            Some("T/M") => Some(format!("T/M {body_name}")),
            Some(form) => Some(form.to_uppercase()),
            None => {
                self.missed(SettingKey::QuyenHan);
                Some(BLANK.to_string())
            }
        };
        let signature = Signature {
            form,
            title: self.value(SettingKey::ChucVu).to_uppercase(),
            name: self.value(SettingKey::NguoiKy),
        };
        Frame {
            above,
            body_name,
            number: format!("Số {number}-{type_code}/{code}"),
            place_date: place_date(&place, dated),
            signature,
        }
    }
}

struct Frame {
    above: String,
    body_name: String,
    number: String,
    place_date: String,
    signature: Signature,
}

/// Lines of a Nơi nhận as printed: a dash before each, a comma after, a
/// full stop after the last.
fn recipient_lines(lines: &[String]) -> Vec<String> {
    let last = lines.len().saturating_sub(1);
    lines
        .iter()
        .enumerate()
        // A line left to fill (`Lưu …`) ends on its dots: `- Lưu …`, not `…`.
        .map(|(i, l)| match (l.ends_with(BLANK), i == last) {
            (true, _) => format!("- {l}"),
            (false, true) => format!("- {l}."),
            (false, false) => format!("- {l},"),
        })
        .collect()
}

/// How a directive is cited in a sentence: `Kế hoạch số 223-KH/TU ngày
/// 23/11/2023 của Ban Thường vụ Thị ủy Sơn Tây`.
pub fn cite(d: &Directive) -> String {
    let mut said = cite_short(d);
    if let Some(on) = d.issued_on {
        said.push_str(&format!(" ngày {}", dmy(on)));
    }
    said.push_str(&format!(" của {}", d.issuer));
    said
}

/// A directive by its type and number: `Kế hoạch số 223-KH/TU`; a secret
/// one with its mark, as the Party's own texts cite it: `Hướng dẫn (mật) số
/// 03-HD/HU`.
fn cite_short(d: &Directive) -> String {
    let name = match d.secrecy {
        Some(mark) => format!(
            "{} ({})",
            d.doc_type.official_name(),
            mark.official_name().to_lowercase()
        ),
        None => d.doc_type.official_name().to_string(),
    };
    match &d.symbol {
        Some(symbol) => format!("{name} số {symbol}"),
        None => format!("{name} số {}", d.number),
    }
}

/// The work a task asks, in a sentence after a verb (`khẩn trương …`,
/// `V/v đôn đốc …`): its title; a masked secret one as the carrying out
/// of its directive, `thực hiện Kế hoạch (mật) số 12-KH/TU`.
fn task_work(facts: &TaskFacts) -> String {
    if facts.masked {
        format!("thực hiện {}", cite_short(&facts.directive))
    } else {
        lower_first(&facts.task.title)
    }
}

/// The task after `nhiệm vụ`: its title in quotes; a masked secret one as
/// the task of its directive, `theo Kế hoạch (mật) số 12-KH/TU`.
fn task_named(facts: &TaskFacts) -> String {
    if facts.masked {
        format!("theo {}", cite_short(&facts.directive))
    } else {
        format!("“{}”", facts.task.title)
    }
}

/// The secrecy stamp of a document that shows a secret title
/// (`--show-secret`): `MẬT`, `TỐI MẬT`, `TUYỆT MẬT`. A masked one holds no
/// secret and carries none.
fn stamp(facts: &TaskFacts) -> Option<String> {
    match facts.directive.secrecy {
        Some(mark) if !facts.masked => Some(mark.official_name().to_uppercase()),
        _ => None,
    }
}

/// The directive a document carries out, with what it is about
/// (`Kế hoạch số 223 … về kiểm điểm…`); a masked secret one by its
/// citation and mark alone.
fn cite_about(facts: &TaskFacts) -> String {
    if facts.masked {
        cite(&facts.directive)
    } else {
        format!(
            "{} về {}",
            cite(&facts.directive),
            lower_first(&facts.directive.title)
        )
    }
}

/// What owes a task, counted: `tổ chức đảng`, or `cán bộ` on a task for people.
fn owers(facts: &TaskFacts) -> &'static str {
    if facts.task.for_people {
        "cán bộ"
    } else {
        "tổ chức đảng"
    }
}

/// A kind of unit inside a sentence: `chi bộ cơ sở`.
fn kind_in_text(kind: UnitKind) -> String {
    lower_first(kind.official_name())
}

/// The due dates of the task: `chi bộ cơ sở chậm nhất ngày 06/12/2023;
/// đảng bộ cơ sở chậm nhất ngày 12/12/2023`.
fn deadlines(facts: &TaskFacts) -> String {
    let mut dues = facts.task.dues.clone();
    dues.sort_by_key(|d| (d.due_on, d.kind));
    dues.iter()
        .map(|d| format!("{} chậm nhất ngày {}", kind_in_text(d.kind), dmy(d.due_on)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// What no longer counts is left out of the totals.
fn counted(b: &Buckets) -> u32 {
    b.done_on_time + b.done_late + b.open + b.overdue
}

/// `6 (30,0%)`.
fn share(n: u32, of: u32) -> String {
    format!("{n} ({})", percent(n, of))
}

/// The name a late unit is listed by: the person's, on a task for people.
fn late_name(l: &LateUnit) -> String {
    l.person.clone().unwrap_or_else(|| l.unit.clone())
}

/// The column beside the name of what is late, and its cell: the unit a
/// person works in, on a task for people (the committee above is theirs to
/// rate, not a second place); else the unit's direct parent.
fn late_place(facts: &TaskFacts) -> (&'static str, fn(&LateUnit) -> String) {
    if facts.task.for_people {
        ("Đơn vị công tác", |l| l.unit.clone())
    } else {
        ("Cấp trên trực tiếp", |l| {
            l.parent.clone().unwrap_or_default()
        })
    }
}

/// The summary of the totals: how many done, on time or late, and how many
/// still open, overdue; parts that are nought are not spelled out
/// (`Chưa có cán bộ nào hoàn thành; 3/3 chưa hoàn thành, đều đã quá hạn.`).
fn summary(total: &Buckets, who: &str) -> String {
    let all = counted(total);
    let done = total.done_on_time + total.done_late;
    let open = total.open + total.overdue;
    let done_part = match (done, total.done_late) {
        (0, _) => format!("Chưa có {who} nào hoàn thành"),
        (_, 0) => format!(
            "Có {done}/{all} {who} đã hoàn thành ({}), {}đúng hạn",
            percent(done, all),
            if done > 1 { "đều " } else { "" }
        ),
        _ if total.done_on_time == 0 => format!(
            "Có {done}/{all} {who} đã hoàn thành ({}), {}quá hạn",
            percent(done, all),
            if done > 1 { "đều " } else { "" }
        ),
        _ => format!(
            "Có {done}/{all} {who} đã hoàn thành ({}), trong đó {} đúng hạn, {} quá hạn",
            percent(done, all),
            share(total.done_on_time, all),
            share(total.done_late, all)
        ),
    };
    let open_part = match (open, total.overdue) {
        (0, _) => "không còn trường hợp nào chưa hoàn thành".to_string(),
        (_, 0) => format!(
            "{open}/{all} chưa hoàn thành ({}), {}còn trong hạn",
            percent(open, all),
            if open > 1 { "đều " } else { "" }
        ),
        _ if total.open == 0 => format!(
            "{open}/{all} chưa hoàn thành ({}), {}đã quá hạn",
            percent(open, all),
            if open > 1 { "đều " } else { "" }
        ),
        _ => format!(
            "{open}/{all} chưa hoàn thành ({}), trong đó {} đã quá hạn",
            percent(open, all),
            share(total.overdue, all)
        ),
    };
    format!("{done_part}; {open_part}.")
}

/// A due date as a table shows it, with an extension.
fn due_cell(l: &LateUnit) -> String {
    match l.original_due_on {
        Some(first) if first < l.due_on => {
            format!("gia hạn đến {} (hạn ban đầu {})", dmy(l.due_on), dmy(first))
        }
        _ => dmy(l.due_on),
    }
}

fn column(header: &str, width: u32, centred: bool) -> Column {
    Column {
        header: header.to_string(),
        width,
        centred,
    }
}

/// The report on one task (báo cáo), numbered `number` when given.
pub fn report(facts: &TaskFacts, number: Option<u32>) -> Composed {
    let mut said = Said::new(&facts.settings);
    let frame = said.frame("BC", number, facts.as_of);
    let recipients = match facts.settings.lines(SettingKey::NoiNhan) {
        lines if !lines.is_empty() => {
            recipient_lines(&lines.iter().map(|l| l.to_string()).collect::<Vec<_>>())
        }
        _ => {
            said.missed(SettingKey::NoiNhan);
            recipient_lines(&[BLANK.to_string(), format!("Lưu {BLANK}")])
        }
    };
    let title = task_work(facts);
    let who = owers(facts);
    let as_of = dmy(facts.as_of);
    let total = facts.total();
    let all = counted(&total);
    let mut blocks = vec![Block::Paragraph(format!(
        "Thực hiện {},{} báo cáo kết quả thực hiện nhiệm vụ {} tính đến ngày {as_of} như sau:",
        cite_about(facts),
        reporter(&facts.settings),
        task_named(facts),
    ))];

    blocks.push(Block::Heading("I. YÊU CẦU VÀ THỜI HẠN".into()));
    let kinds: Vec<String> = facts
        .by_kind
        .iter()
        .filter(|(_, b)| counted(b) > 0)
        .map(|(kind, b)| {
            // People are counted where they work: `3 ở đảng bộ cơ sở`.
            let at = if facts.task.for_people { "ở " } else { "" };
            format!("{} {at}{}", counted(b), kind_in_text(*kind))
        })
        .collect();
    blocks.push(Block::Paragraph(format!(
        "Nhiệm vụ: {}. Tổng số phải thực hiện: {all} {who}{}.",
        if facts.masked {
            task_named(facts)
        } else {
            facts.task.title.clone()
        },
        if kinds.len() > 1 {
            format!(" ({})", kinds.join(", "))
        } else {
            String::new()
        }
    )));
    if !facts.task.dues.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "Thời hạn hoàn thành: {}.",
            deadlines(facts)
        )));
    }

    blocks.push(Block::Heading(format!(
        "II. KẾT QUẢ THỰC HIỆN (tính đến ngày {as_of})"
    )));
    blocks.push(Block::Subheading("1. Tổng hợp chung".into()));
    blocks.push(Block::Paragraph(summary(&total, who)));
    blocks.push(Block::Table(progress_table(facts, &total)));
    if total.cancelled > 0 {
        blocks.push(Block::Note(format!(
            "Không tính {} {who} không còn phải thực hiện ({}).",
            total.cancelled,
            if facts.task.for_people {
                "thôi giữ chức, tổ chức đảng giải thể, sáp nhập hoặc văn bản hết hiệu lực"
            } else {
                "giải thể, sáp nhập hoặc văn bản hết hiệu lực"
            }
        )));
    }
    let bars: Vec<Bar> = facts
        .by_kind
        .iter()
        .filter(|(_, b)| counted(b) > 0)
        .map(|(kind, b)| Bar {
            label: kind.official_name().to_string(),
            counts: [b.done_on_time, b.done_late, b.open, b.overdue],
        })
        .collect();
    if !bars.is_empty() {
        blocks.push(Block::Chart(Chart {
            title: format!(
                "Biểu đồ: Tiến độ thực hiện theo {} (tính đến ngày {as_of})",
                lower_first(by_kind(facts))
            ),
            bars,
        }));
    }

    blocks.push(Block::Subheading(format!("2. Các {who} chậm thực hiện")));
    if facts.late.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "Không có {who} nào chậm thực hiện."
        )));
    } else {
        let still = facts.overdue().len();
        let late = facts.late.len();
        blocks.push(Block::Paragraph(match late - still {
            0 => format!("Có {late} {who} chậm thực hiện, đến ngày {as_of} chưa hoàn thành."),
            done if still == 0 => {
                format!("Có {done} {who} chậm thực hiện, đều đã hoàn thành nhưng quá hạn.")
            }
            done => format!(
                "Có {late} {who} chậm thực hiện: {done} đã hoàn thành nhưng quá hạn, {still} đến ngày {as_of} chưa hoàn thành."
            ),
        }));
        blocks.push(Block::Table(late_table(facts, &facts.late, who)));
    }

    if let Some(groups) = &facts.ratings {
        blocks.push(Block::Subheading("3. Kết quả xếp loại chất lượng".into()));
        blocks.extend(ratings_blocks(groups));
    }

    let still = facts.overdue();
    blocks.push(Block::Heading("III. ĐỀ NGHỊ".into()));
    blocks.push(Block::Paragraph(if still.is_empty() && total.open == 0 {
        format!("Các {who} đã hoàn thành nhiệm vụ {}.", task_named(facts))
    } else if still.is_empty() {
        format!(
            "Đề nghị {} {who} chưa hoàn thành tiếp tục thực hiện bảo đảm đúng thời hạn.",
            total.open
        )
    } else {
        // What is asked of those still within their time, when there are.
        let within = if total.open > 0 {
            format!("; các {who} còn trong hạn thực hiện bảo đảm đúng thời hạn")
        } else {
            String::new()
        };
        if facts.task.for_people {
            // A leader is not asked to rate themselves: their committee is
            // asked to finish it for them.
            format!(
                "Đề nghị cấp ủy nơi có {} cán bộ quá hạn (mục II.2) khẩn trương hoàn thành việc {title} đối với {}, báo cáo kết quả{within}.",
                still.len(),
                if still.len() > 1 { "các đồng chí này" } else { "đồng chí này" }
            )
        } else {
            format!(
                "Đề nghị {} {who} quá hạn (mục II.2) khẩn trương {title}, báo cáo kết quả{within}.",
                still.len()
            )
        }
    }));

    let document = Document {
        above: frame.above,
        body_name: frame.body_name.clone(),
        number: frame.number,
        about: None,
        place_date: frame.place_date,
        title: Some((
            "BÁO CÁO".to_string(),
            if facts.masked {
                format!("kết quả {title}")
            } else {
                format!("kết quả thực hiện {title}")
            },
        )),
        addressees: Vec::new(),
        blocks,
        recipients,
        signature: frame.signature,
        dated: facts.as_of,
        stamp: stamp(facts),
    };
    Composed {
        document,
        missing: said.missing,
    }
}

/// Who reports, as a sentence names it: the issuing body and the
/// committee above as the clerk typed them (`Ban Tổ chức Thị ủy Sơn Tây`).
/// A value typed in capitals cannot be put back in sentence case, and one
/// not set is not said: the sentence then goes without.
fn reporter(settings: &DocumentSettings) -> String {
    let plain = |key| {
        settings
            .get(key)
            .filter(|v| v.chars().any(char::is_lowercase))
    };
    match (plain(SettingKey::CoQuan), plain(SettingKey::CapTren)) {
        (Some(body), Some(above)) => format!(" {body} {above}"),
        (Some(body), None) => format!(" {body}"),
        _ => String::new(),
    }
}

/// What the rows of the table by kind are: the units' kinds, or on a task
/// for people the kind of unit they work in.
fn by_kind(facts: &TaskFacts) -> &'static str {
    if facts.task.for_people {
        "Loại tổ chức đảng nơi công tác"
    } else {
        "Loại tổ chức đảng"
    }
}

/// The four buckets by kind, and the total.
fn progress_table(facts: &TaskFacts, total: &Buckets) -> Table {
    let columns = vec![
        column("STT", 8, true),
        column(by_kind(facts), 20, false),
        column("Tổng số", 10, true),
        column("Hoàn thành đúng hạn", 16, true),
        column("Hoàn thành quá hạn", 16, true),
        column("Chưa hoàn thành, trong hạn", 16, true),
        column("Chưa hoàn thành, quá hạn", 16, true),
    ];
    let row = |stt: String, label: String, b: &Buckets, bold: bool| {
        let all = counted(b);
        Row {
            cells: vec![
                stt,
                label,
                all.to_string(),
                share(b.done_on_time, all),
                share(b.done_late, all),
                share(b.open, all),
                share(b.overdue, all),
            ],
            bold,
        }
    };
    let mut rows: Vec<Row> = facts
        .by_kind
        .iter()
        .filter(|(_, b)| counted(b) > 0)
        .enumerate()
        .map(|(i, (kind, b))| {
            row(
                (i + 1).to_string(),
                kind.official_name().to_string(),
                b,
                false,
            )
        })
        .collect();
    rows.push(row(String::new(), "Tổng cộng".into(), total, true));
    Table { columns, rows }
}

/// The units late, with their days.
fn late_table(facts: &TaskFacts, late: &[LateUnit], who: &str) -> Table {
    let (place, place_of) = late_place(facts);
    let columns = vec![
        column("STT", 8, true),
        column(&capitalized(who), 32, false),
        column(place, 22, false),
        column("Thời hạn", 17, true),
        column("Ngày hoàn thành", 17, true),
        column("Số ngày quá hạn", 11, true),
    ];
    let rows = late
        .iter()
        .enumerate()
        .map(|(i, l)| Row {
            cells: vec![
                (i + 1).to_string(),
                late_name(l),
                place_of(l),
                capitalized(&due_cell(l)),
                l.completed_on
                    .map_or_else(|| "Chưa hoàn thành".to_string(), dmy),
                l.days_late.to_string(),
            ],
            bold: false,
        })
        .collect();
    Table { columns, rows }
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The ratings of each group, and the quota checked.
fn ratings_blocks(groups: &[RatingGroupRow]) -> Vec<Block> {
    let quota = groups.first().map_or(20.0, |g| g.quota_pct);
    let quota_text = format!("{quota}").replace('.', ",");
    let sum = |f: fn(&RatingGroupRow) -> u64| groups.iter().map(f).sum::<u64>();
    let (htxsnv, httnv, htnv, khtnv, not_rated, unrated) = (
        sum(|g| g.htxsnv),
        sum(|g| g.httnv),
        sum(|g| g.htnv),
        sum(|g| g.khtnv),
        sum(|g| g.not_rated),
        sum(|g| g.unrated),
    );
    let broken: Vec<String> = groups
        .iter()
        .filter(|g| !g.quota_kept)
        .map(|g| committee(&g.group_name))
        .collect();
    let reported = htxsnv + httnv + htnv + khtnv + not_rated;
    let mut blocks = vec![Block::Paragraph(if reported == 0 {
        format!("Chưa có kết quả xếp loại nào được báo cáo ({unrated} chưa có kết quả).")
    } else {
        format!(
            "Kết quả đã báo cáo: {htxsnv} hoàn thành xuất sắc nhiệm vụ (HTXSNV), {httnv} hoàn thành tốt nhiệm vụ (HTTNV), {htnv} hoàn thành nhiệm vụ (HTNV), {khtnv} không hoàn thành nhiệm vụ (KHTNV), {not_rated} không xếp loại; {unrated} chưa có kết quả. Tỷ lệ HTXSNV không quá {quota_text}% số HTTNV ở mỗi cấp ủy đánh giá: {}.",
            if broken.is_empty() {
                "đều bảo đảm".to_string()
            } else {
                format!("vượt quá ở {}", broken.join("; "))
            }
        )
    })];
    let columns = vec![
        column("STT", 8, true),
        column("Cấp ủy đánh giá", 26, false),
        column("HTXSNV", 9, true),
        column("HTTNV", 9, true),
        column("HTNV", 8, true),
        column("KHTNV", 8, true),
        column("Không xếp loại", 9, true),
        column("Chưa có kết quả", 9, true),
        column("Tỷ lệ HTXSNV", 14, true),
    ];
    let rows = groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let results = g.htxsnv + g.httnv + g.htnv + g.khtnv + g.not_rated;
            let verdict = if results == 0 {
                "Chưa có kết quả".to_string()
            } else if g.quota_kept {
                "Bảo đảm".to_string()
            } else {
                format!("Vượt quá {quota_text}%")
            };
            Row {
                cells: vec![
                    (i + 1).to_string(),
                    committee(&g.group_name),
                    g.htxsnv.to_string(),
                    g.httnv.to_string(),
                    g.htnv.to_string(),
                    g.khtnv.to_string(),
                    g.not_rated.to_string(),
                    g.unrated.to_string(),
                    verdict,
                ],
                bold: false,
            }
        })
        .collect();
    blocks.push(Block::Table(Table { columns, rows }));
    blocks
}

/// The committee a letter is addressed to: a đảng bộ's is its đảng ủy
/// (`Đảng bộ phường Ngô Quyền` → `Đảng ủy phường Ngô Quyền`); a chi bộ is
/// addressed by its name.
pub fn addressee(unit: &str, kind: UnitKind) -> String {
    let dang_bo = matches!(
        kind,
        UnitKind::DangBoCapTren | UnitKind::DangBoCoSo | UnitKind::DangBoBoPhan
    );
    if dang_bo {
        committee(unit)
    } else {
        unit.to_string()
    }
}

/// The committee of a đảng bộ, by its name: a district's or a province's
/// is named by its level (`Đảng bộ thị xã Sơn Tây` → `Thị ủy Sơn Tây`,
/// `Đảng bộ huyện …` → `Huyện ủy …`), any other's is its đảng ủy (`Đảng bộ
/// phường Ngô Quyền` → `Đảng ủy phường Ngô Quyền`); a name that is not a
/// đảng bộ's stays as it is.
pub fn committee(name: &str) -> String {
    const LEVELS: [(&str, &str); 5] = [
        ("Đảng bộ thị xã ", "Thị ủy "),
        ("Đảng bộ huyện ", "Huyện ủy "),
        ("Đảng bộ quận ", "Quận ủy "),
        ("Đảng bộ thành phố ", "Thành ủy "),
        ("Đảng bộ tỉnh ", "Tỉnh ủy "),
    ];
    for (of, is) in LEVELS {
        if let Some(rest) = name.strip_prefix(of) {
            return format!("{is}{rest}");
        }
    }
    match name.strip_prefix("Đảng bộ ") {
        Some(rest) => format!("Đảng ủy {rest}"),
        None => name.to_string(),
    }
}

/// How many addressees a letter names after `Kính gửi`; more are "the
/// units below" and the table names them.
const ADDRESSEES_MAX: usize = 6;

/// A reminder (công văn đôn đốc) to the units `late` (all of them, or one
/// with `--each`), numbered `number` when given.
pub fn reminder(facts: &TaskFacts, late: &[&LateUnit], number: Option<u32>) -> Composed {
    let mut said = Said::new(&facts.settings);
    let frame = said.frame("CV", number, facts.as_of);
    let title = task_work(facts);
    let as_of = dmy(facts.as_of);
    let who = owers(facts);
    // Each committee once, though two of its leaders are late.
    let mut names: Vec<String> = Vec::new();
    for l in late {
        let name = addressee(&l.unit, l.kind);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let addressees: Vec<String> = match names.len() {
        1 => names,
        n if n <= ADDRESSEES_MAX => recipient_lines(&names),
        _ => vec!["Các đảng ủy, chi bộ có tên dưới đây".to_string()],
    };
    let mut blocks = vec![Block::Paragraph(format!(
        "Thực hiện {}, nhiệm vụ {} phải hoàn thành: {}.",
        cite_about(facts),
        task_named(facts),
        deadlines(facts),
    ))];
    match late {
        [one] => {
            let who = match &one.person {
                Some(person) => format!("đồng chí {person} ({})", one.unit),
                None => one.unit.clone(),
            };
            blocks.push(Block::Paragraph(format!(
                "Tính đến ngày {as_of}, {who} chưa hoàn thành nhiệm vụ này, đã quá hạn {} ngày (thời hạn {}).",
                one.days_late,
                due_cell(one),
            )));
        }
        _ => {
            blocks.push(Block::Paragraph(format!(
                "Tính đến ngày {as_of}, còn {} {who} chưa hoàn thành nhiệm vụ này, đã quá hạn:",
                late.len()
            )));
            let (place, place_of) = late_place(facts);
            let columns = vec![
                column("STT", 8, true),
                column(&capitalized(who), 40, false),
                column(place, 24, false),
                column("Thời hạn", 17, true),
                column("Số ngày quá hạn", 13, true),
            ];
            let rows = late
                .iter()
                .enumerate()
                .map(|(i, l)| Row {
                    cells: vec![
                        (i + 1).to_string(),
                        late_name(l),
                        place_of(l),
                        capitalized(&due_cell(l)),
                        l.days_late.to_string(),
                    ],
                    bold: false,
                })
                .collect();
            blocks.push(Block::Table(Table { columns, rows }));
        }
    }
    blocks.push(Block::Paragraph(match late {
        // A leader late on their own review: their committee is asked to
        // finish it for them, not the leader to direct it.
        [one] if one.person.is_some() => format!(
            "Để bảo đảm tiến độ chung, đề nghị {} khẩn trương hoàn thành việc {title} đối với đồng chí {} và báo cáo kết quả ngay sau khi hoàn thành.",
            addressee(&one.unit, one.kind),
            one.person.as_deref().unwrap_or_default()
        ),
        _ if facts.task.for_people => format!(
            "Để bảo đảm tiến độ chung, đề nghị các cấp ủy có tên trên khẩn trương hoàn thành việc {title} đối với các đồng chí chưa hoàn thành và báo cáo kết quả ngay sau khi hoàn thành."
        ),
        [_] => format!(
            "Để bảo đảm tiến độ chung, đề nghị đồng chí Bí thư khẩn trương chỉ đạo {title} và báo cáo kết quả ngay sau khi hoàn thành."
        ),
        _ => format!(
            "Để bảo đảm tiến độ chung, đề nghị các đồng chí Bí thư khẩn trương chỉ đạo {title} và báo cáo kết quả ngay sau khi hoàn thành."
        ),
    }));

    let mut lines = vec!["Như trên".to_string()];
    match facts.settings.lines(SettingKey::NoiNhanCongVan) {
        own if !own.is_empty() => lines.extend(own.iter().map(|l| l.to_string())),
        _ => {
            let archive: Vec<String> = facts
                .settings
                .lines(SettingKey::NoiNhan)
                .into_iter()
                .filter(|l| crate::text::fold(l).starts_with("luu"))
                .map(str::to_string)
                .collect();
            if archive.is_empty() {
                said.missed(SettingKey::NoiNhanCongVan);
                lines.push(format!("Lưu {BLANK}"));
            } else {
                lines.extend(archive);
            }
        }
    }
    let document = Document {
        above: frame.above,
        body_name: frame.body_name,
        number: frame.number,
        about: Some(format!("V/v đôn đốc {title}")),
        place_date: frame.place_date,
        title: None,
        addressees,
        blocks,
        recipients: recipient_lines(&lines),
        signature: frame.signature,
        dated: facts.as_of,
        stamp: stamp(facts),
    };
    Composed {
        document,
        missing: said.missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dang_bo_is_addressed_by_its_committee() {
        assert_eq!(
            addressee("Đảng bộ phường Ngô Quyền", UnitKind::DangBoCoSo),
            "Đảng ủy phường Ngô Quyền"
        );
        assert_eq!(
            addressee("Chi bộ Cơ quan Ủy ban Kiểm tra Thị ủy", UnitKind::ChiBoCoSo),
            "Chi bộ Cơ quan Ủy ban Kiểm tra Thị ủy"
        );
        assert_eq!(
            addressee("Chi bộ Đảng bộ xóm", UnitKind::ChiBoTrucThuoc),
            "Chi bộ Đảng bộ xóm"
        );
    }

    #[test]
    fn recipients_end_with_a_full_stop() {
        let lines = ["Như trên".to_string(), "Lưu Ban Tổ chức".to_string()];
        assert_eq!(
            recipient_lines(&lines),
            ["- Như trên,", "- Lưu Ban Tổ chức."]
        );
    }
}
