//! What commands say: results, warnings and errors.
//!
//! # How the Vietnamese reads
//!
//! Written as a Ban Tổ chức clerk writes, in the words of the Party's
//! documents, not translated from the English beside it.
//!
//! - **Capitals.** A line that stands alone (a result, a heading, a prompt, a
//!   table cell's status) starts with a capital: `Đã ghi kết quả: …`,
//!   `Chưa hoàn thành, quá hạn 7 ngày`; so does a warning or a note, after
//!   its word (`Cảnh báo: …`, `Lưu ý: …`, the rest in lower case). An error
//!   continues its prefix (`theodoi: không tìm thấy …`) and so starts in lower
//!   case. Names of organizations and documents keep their capitals
//!   (`Đảng bộ phường Ngô Quyền`, `Kế hoạch số 223`, `Ban Thường vụ Thị ủy`);
//!   the kinds of unit, document type and rating are common nouns inside a
//!   sentence (`chi bộ trực thuộc chỉ được đặt dưới đảng bộ cơ sở`) and take
//!   a capital only at the head of a cell or a line.
//! - **`tổ chức đảng` and `đơn vị`.** Sentences about Party organizations say
//!   `tổ chức đảng` (`còn 3 tổ chức đảng trực thuộc`, `12 tổ chức đảng phải
//!   thực hiện`); a task for people counts `cán bộ`. `Đơn vị` stays as the short
//!   column header and in `mã hoặc tên đơn vị`, where a clerk types one.
//! - **Counts say what they count.** A row of `overdue` is a tổ chức đảng
//!   on one task, a `trường hợp`: `Số trường hợp chưa hoàn thành, quá hạn
//!   tính đến ngày 13/12/2023: 15 (14 tổ chức đảng, 2 nhiệm vụ)`, not
//!   `Nhiệm vụ quá hạn: 15`; `agenda` says `30 lượt (2 nhiệm vụ)`. A list
//!   cut to fit one line ends `… và 3 tổ chức đảng khác`, never in the
//!   middle of a name.
//! - **Tasks by what they are.** Tables, Markdown and documents show a task's
//!   content (`Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023`); its code
//!   (`kiem-diem-2023`) only where a command is to be typed, and in JSON/CSV.
//! - **Dates** `dd/mm/yyyy` (`06/12/2023`), `tháng 12/2023` for a month;
//!   `tính đến ngày …` for "as of". **Numbers** with a decimal comma
//!   (`37,5%`). A time limit extended: `gia hạn đến 20/12/2023 (hạn ban đầu
//!   06/12/2023)`.
//! - **The domain's words** (shared/DOMAIN.md): văn bản, số, ký hiệu, trích
//!   yếu, cơ quan ban hành, ngày ban hành, nhiệm vụ, hạn hoàn thành, ngày hoàn
//!   thành, minh chứng (báo cáo, biên bản …), ghi chú, người cập nhật, the four
//!   buckets (`hoàn thành đúng hạn`, `hoàn thành quá hạn`, `chưa hoàn thành,
//!   trong hạn`, `chưa hoàn thành, quá hạn`), gia hạn, xếp loại and the four
//!   ratings by their full names, `cấp trên trực tiếp`, `đôn đốc`. `Căn cứ` is
//!   the legal basis of a document, not evidence; `Kết luận` is a document
//!   type, not a verdict; `hiệu lực` is said of documents, not of tasks.
//! - **No programmer's words.** Not `cây`, `vòng lặp`, `đầu vào`, `in ra`
//!   (paper), `script`: `danh sách theo hệ thống`, `trực thuộc chính cấp dưới
//!   của mình`, `dán nội dung vào`, `hiển thị`. A rule or a setting is named
//!   by its Vietnamese name (`đặt quy tắc Cấp dưới hoàn thành trước: bật →
//!   tắt`, `họ tên người ký`); its slug (`lower-levels-first`) only beside
//!   that name where it is typed (`Cấp dưới hoàn thành trước
//!   (lower-levels-first)` in `rules` and in an error on a value typed); a
//!   switch reads `bật`/`tắt`, with `gõ on để bật, off để tắt` where it is set.
//!   The tool's rules are `quy tắc`, never `quy định` (a Party document).
//! - **A hint to go on** says what to type, once, at the end: `muốn vẫn ghi
//!   thì thêm --force, nhật ký ghi rõ việc này`.
//! - **What is needed, not orders.** No `hãy …` (an imperative reads as
//!   foreign in an official line): say what is needed (`cần ghi mã nhiệm vụ`,
//!   `cần kiểm tra lại ngày`) or what to add (`thêm --issuer`). Values a
//!   clerk may type are `giá trị hợp lệ: …`, never `chấp nhận`.
//! - **One wording per status**, from one place (`status_cell`): the four
//!   buckets' own words, `Hoàn thành đúng hạn`, `Hoàn thành quá hạn`, `Chưa
//!   hoàn thành, trong hạn (còn 3 ngày)`, `Chưa hoàn thành, quá hạn 7 ngày`;
//!   on the due day, `(đến hạn ngày 06/12/2023)`, the report's day and not
//!   "hôm nay", since `--as-of` may be in the past. Under a header that
//!   already says what is counted (`Số ngày còn lại`) a cell says `5 ngày`.
//! - **A task** is named by its content, quoted, wherever a sentence names
//!   it: after a command, in errors and in the log (`nhiệm vụ “Kiểm điểm
//!   …”`); a task of a secret directive as reports name it (`“188-KH/TU
//!   (Mật)”`, `errors::named`, `log::with_task_titles`). Its code only in what
//!   is typed (`cần ghi mã nhiệm vụ: …`, `theodoi task assign kiem-diem-2023 …`).
//! - **Lists of columns** of a file are written one way, in help and errors:
//!   each header quoted, commas between, the clerk's headers first and the
//!   file format's after `hoặc` (`cột 'Tên đơn vị', 'Ngày hoàn thành', hoặc
//!   'unit', 'on'`).
//! - **A date that is no date** is said in one line naming it and what is
//!   accepted: `ngày 31/13/2023 không có thật: tháng chỉ từ 1 đến 12`, `ngày
//!   29/02/2023 không có thật: ngày trong tháng 2/2023 chỉ từ 1 đến 28`.
//!
//! The English (`--lang en`) gets the same care and carries no Vietnamese but
//! names and quoted titles. New messages go at the end of the list.

use super::{Text, t};

// Messages.

pub const DB_NOT_FOUND: Text = t(
    "chưa có cơ sở dữ liệu {path}; muốn tạo thì chạy `theodoi init`, hoặc chỉ đúng tệp bằng --db hay THEODOI_DB",
    "no database at {path}; run `theodoi init` to create it, or point --db or THEODOI_DB at the right file",
);
pub const DB_EMPTY: Text = t(
    "tệp {path} trống, chưa phải cơ sở dữ liệu theodoi; không thay đổi gì. Muốn tạo cơ sở dữ liệu trong tệp này thì chạy `theodoi init --force`",
    "{path} is empty, not a theodoi database; nothing changed. To make a database of it, run `theodoi init --force`",
);
pub const DB_NOT_SQLITE: Text = t(
    "tệp {path} không phải cơ sở dữ liệu theodoi (không phải tệp SQLite); không thay đổi gì. Cần kiểm tra lại --db hoặc THEODOI_DB",
    "{path} is not a theodoi database (not an SQLite file); nothing changed. Check --db or THEODOI_DB",
);
pub const DB_FOREIGN: Text = t(
    "tệp {path} là cơ sở dữ liệu SQLite của chương trình khác, không phải của theodoi; không thay đổi gì. Cần kiểm tra lại --db hoặc THEODOI_DB",
    "{path} is another program's SQLite database, not theodoi's; nothing changed. Check --db or THEODOI_DB",
);
pub const DB_READ_ONLY_FILE: Text = t(
    "không ghi được vào cơ sở dữ liệu {path}: tệp chỉ đọc; các báo cáo vẫn xem được; muốn ghi thì bỏ thuộc tính chỉ đọc của tệp, hoặc (tệp trên đĩa CD, thư mục dùng chung chỉ đọc) chép tệp sang thư mục ghi được rồi chỉ --db tới bản chép",
    "cannot write to database {path}: the file is read-only; reports still work. To write, make the file writable, or (a file on a CD, a read-only share) copy it to a writable folder and point --db at the copy",
);
pub const DB_READ_ONLY_FOLDER: Text = t(
    "không ghi được vào cơ sở dữ liệu {path}: thư mục {folder} chỉ đọc, mà khi ghi cần tạo tệp tạm trong đó; các báo cáo vẫn xem được; muốn ghi thì chép tệp sang thư mục ghi được rồi chỉ --db tới bản chép",
    "cannot write to database {path}: folder {folder} is read-only, and a write needs temporary files there; reports still work. To write, copy the file to a writable folder and point --db at the copy",
);
pub const INIT_EMPTY_CONFIRM: Text = t(
    "Tệp {path} đã có nhưng trống. Tạo cơ sở dữ liệu theodoi trong tệp này? [c/K]",
    "{path} exists but is empty. Make a theodoi database of it? [y/N]",
);
pub const INIT_DECLINED: Text = t("Không thay đổi gì.", "Nothing changed.");
pub const DB_TOO_NEW: Text = t(
    "cơ sở dữ liệu {path} ở phiên bản {found}, mới hơn phiên bản {known} mà bản theodoi này hỗ trợ; cần cài bản theodoi mới hơn (không thay đổi gì)",
    "database {path} is at version {found}, newer than version {known} that this theodoi understands; install a newer theodoi (nothing was changed)",
);
pub const DB_OPEN: Text = t(
    "không mở được cơ sở dữ liệu {path}",
    "could not open database {path}",
);
pub const DB_OLD_READ_ONLY_FILE: Text = t(
    "cơ sở dữ liệu {path} do theodoi cũ hơn tạo, cần nâng cấp lên phiên bản {version} mới đọc được, mà tệp chỉ đọc; không thay đổi gì. Cần chép tệp sang thư mục ghi được (hoặc bỏ thuộc tính chỉ đọc) rồi chạy lại lệnh",
    "{path} was made by an older theodoi and must be upgraded to version {version} to be read, but the file is read-only; nothing changed. Copy it to a writable folder (or make it writable) and run the command again",
);
pub const DB_OLD_READ_ONLY_FOLDER: Text = t(
    "cơ sở dữ liệu {path} do theodoi cũ hơn tạo, cần nâng cấp lên phiên bản {version} mới đọc được, mà thư mục {folder} chỉ đọc; không thay đổi gì. Cần chép tệp sang thư mục ghi được rồi chạy lại lệnh",
    "{path} was made by an older theodoi and must be upgraded to version {version} to be read, but folder {folder} is read-only; nothing changed. Copy it to a writable folder and run the command again",
);
pub const DB_MIGRATE: Text = t(
    "không nâng cấp được cơ sở dữ liệu lên phiên bản {version}",
    "could not upgrade the database to version {version}",
);
pub const DB_CREATE_DIR: Text = t(
    "không tạo được thư mục {path}",
    "could not create directory {path}",
);
pub const NO_DATA_DIR: Text = t(
    "không tìm thấy thư mục dữ liệu của người dùng; cần chỉ tệp cơ sở dữ liệu bằng --db hoặc THEODOI_DB",
    "no user data directory found; give the database file with --db or THEODOI_DB",
);
pub const INIT_CREATED: Text = t("Đã tạo cơ sở dữ liệu {path}", "Created database {path}");
pub const INIT_EXISTS_OLD_READ_ONLY: Text = t(
    "cơ sở dữ liệu {path} đã có (phiên bản {found}, do theodoi cũ hơn tạo); tệp hoặc thư mục chỉ đọc nên chưa nâng cấp được lên phiên bản {version}: các báo cáo vẫn xem được (đọc từ bản nâng cấp trong bộ nhớ), còn muốn ghi thì chép tệp sang thư mục ghi được; không thay đổi gì",
    "database {path} is there (version {found}, made by an older theodoi); the file or its folder is read-only, so it is not upgraded to version {version}: reports still work (read from an upgraded copy in memory), and to write, copy the file to a writable folder; nothing changed",
);
pub const INIT_EXISTS: Text = t(
    "cơ sở dữ liệu {path} đã có (phiên bản {version}); không thay đổi gì",
    "database {path} already exists (version {version}); nothing changed",
);
pub const BAD_DATE_SHAPE: Text = t(
    "không đọc được ngày '{input}': cần viết theo dạng dd/mm/yyyy (06/12/2023), d-m-yyyy (6-12-2023), d.m.yyyy, yyyy-mm-dd hoặc 'ngày 6 tháng 12 năm 2023'",
    "'{input}' is not a date: write dd/mm/yyyy (06/12/2023), d-m-yyyy (6-12-2023), d.m.yyyy, yyyy-mm-dd or 'ngày 6 tháng 12 năm 2023'",
);
pub const BAD_DATE_DAY: Text = t(
    "ngày {input} không có thật: ngày trong tháng {month}/{year} chỉ từ 1 đến {last}",
    "{input} is not a real date: month {month}/{year} has days 1 to {last}",
);
pub const BAD_SYMBOL: Text = t(
    "số, ký hiệu không hợp lệ '{input}'; cần viết theo dạng SỐ-LOẠI/CƠ QUAN như 188-KH/TU, hoặc loại và số như 'Kế hoạch số 223'",
    "invalid number and symbol '{input}': write NUMBER-TYPE/ISSUER such as 188-KH/TU, or a type and number such as 'Kế hoạch số 223'",
);
pub const BAD_TYPE_CODE: Text = t(
    "ký hiệu '{input}' có loại văn bản '{code}' không có trong danh mục; giá trị hợp lệ: {accepted}",
    "symbol '{input}' has an unknown type code '{code}'; accepted: {accepted}",
);
pub const NEEDS_TYPE: Text = t(
    "'{input}' chỉ có số, chưa có loại văn bản; thêm --type (ví dụ --type ke-hoach) hoặc viết 'Kế hoạch số {input}'",
    "'{input}' is only a number; give the type with --type (e.g. --type ke-hoach) or write 'Kế hoạch số {input}'",
);
pub const BAD_DATE_RANGE: Text = t(
    "ngày {input} nằm ngoài khoảng cho phép: chỉ nhận ngày từ {from} đến {to}",
    "{input} is out of the accepted range: dates run from {from} to {to}",
);
pub const TEXT_BAD_CHAR: Text = t(
    "{what} có ký tự điều khiển không được phép ({code}); cần gõ lại, hoặc dán dưới dạng văn bản thuần",
    "{what} contains a control character that is not allowed ({code}); type it again or paste it as plain text",
);
pub const TEXT_NO_LETTERS: Text = t(
    "{what} phải có ít nhất một chữ cái hoặc chữ số",
    "{what} must contain a letter or a digit",
);
pub const TEXT_TOO_LONG: Text = t(
    "{what} dài {len} ký tự, quá giới hạn {max} ký tự",
    "{what} is {len:character|characters} long, over the limit of {max}",
);
pub const WHAT_NOTE: Text = t("ghi chú (--note)", "the note (--note)");
pub const WHAT_EVIDENCE: Text = t("minh chứng (--evidence)", "the evidence (--evidence)");
pub const WHAT_NOT_RATED: Text = t(
    "lý do không xếp loại (--not-rated)",
    "the reason for not rating (--not-rated)",
);
pub const WHAT_ACTOR: Text = t(
    "người thực hiện (--actor, THEODOI_ACTOR)",
    "the actor (--actor, THEODOI_ACTOR)",
);
pub const DONE_BEFORE_ISSUE: Text = t(
    "ngày hoàn thành {date} trước ngày ban hành {limit} của {subject}; cần kiểm tra lại ngày; nếu đúng như vậy thì thêm --force",
    "completion date {date} is before {subject} was issued on {limit}; check the date, or add --force if it really is so",
);
pub const REVOKE_BEFORE_ISSUE: Text = t(
    "ngày hết hiệu lực {date} trước ngày ban hành {limit} của {subject}; cần kiểm tra lại ngày; nếu đúng như vậy thì thêm --force",
    "revocation date {date} is before {subject} was issued on {limit}; check the date, or add --force if it really is so",
);
pub const REPLACE_BEFORE_ISSUE: Text = t(
    "ngày thay thế {date} trước ngày ban hành {limit} của {subject}, văn bản bị thay thế; cần cho ngày thay thế bằng --on; nếu đúng như vậy thì thêm --force",
    "replacement date {date} is before {subject}, the directive replaced, was issued on {limit}; give the date with --on, or add --force if it really is so",
);
pub const DUE_BEFORE_ISSUE: Text = t(
    "thời hạn {date} trước ngày ban hành {limit} của {subject}; cần kiểm tra lại ngày; nếu đúng như vậy thì thêm --force",
    "due date {date} is before {subject} was issued on {limit}; check the date, or add --force if it really is so",
);
pub const LEAVE_BEFORE_JOIN: Text = t(
    "ngày thôi giữ chức vụ {date} trước ngày {subject} nhận chức vụ ({limit}); cần kiểm tra lại ngày; nếu đúng như vậy thì thêm --force",
    "leaving date {date} is before {subject} took the post on {limit}; check the date, or add --force if it really is so",
);
pub const DISSOLVE_BEFORE_FOUNDED: Text = t(
    "ngày giải thể {date} trước ngày thành lập {limit} của {subject}; cần kiểm tra lại ngày; nếu đúng như vậy thì thêm --force",
    "dissolution date {date} is before {subject} was founded on {limit}; check the date, or add --force if it really is so",
);
pub const CHANGE_BEFORE_LAST_CHANGE: Text = t(
    "ngày thay đổi {date} trước lần thay đổi gần nhất của {subject} (từ {limit}); chỉ ghi được từ ngày {limit} trở đi, hoặc thêm --correct để sửa lại cho đúng từ ngày {limit}",
    "the change on {date} is before the last change of {subject} (from {limit}); give a day from {limit} on, or use --correct to set it as it always was",
);
pub const REPLACE_ITSELF: Text = t(
    "văn bản {directive} không thể thay thế chính nó",
    "{directive} cannot replace itself",
);
pub const REPLACE_CYCLE: Text = t(
    "{new} đã được thay thế (trực tiếp hoặc qua văn bản khác) bởi {old}, nên không thể thay thế {old}",
    "{new} is itself replaced (directly or through others) by {old}, so it cannot replace {old}",
);
pub const RATING_NEEDED: Text = t(
    "nhiệm vụ {task} có xếp loại: cần ghi xếp loại của {unit} bằng --rating (HTXSNV, HTTNV, HTNV, KHTNV), hoặc lý do không xếp loại bằng --not-rated (ghi từ tệp: cột 'Xếp loại')",
    "the task {task} is rated: give the rating of {unit} with --rating (HTXSNV, HTTNV, HTNV, KHTNV) or why it is not rated with --not-rated (a file: column 'rating' or 'Xếp loại')",
);
pub const BAD_DOC_TYPE: Text = t(
    "loại văn bản không hợp lệ '{input}'; giá trị hợp lệ: {accepted}",
    "unknown directive type '{input}'; accepted: {accepted}",
);
pub const BAD_KIND: Text = t(
    "loại tổ chức đảng không hợp lệ '{input}'; giá trị hợp lệ: {accepted}",
    "unknown unit kind '{input}'; accepted: {accepted}",
);
pub const BAD_DUE_SHAPE: Text = t(
    "thời hạn không hợp lệ '{input}'; cần viết theo dạng LOẠI=NGÀY, ví dụ chi-bo-co-so=06/12/2023",
    "invalid due date '{input}': write KIND=DATE, e.g. chi-bo-co-so=06/12/2023",
);
pub const BAD_LANG: Text = t(
    "ngôn ngữ không hợp lệ '{input}'; giá trị hợp lệ: vi, en",
    "unknown language '{input}'; accepted: vi, en",
);
pub const EMPTY_TEXT: Text = t("{what} không được để trống", "{what} must not be empty");
pub const WHAT_ISSUER: Text = t("cơ quan ban hành (--issuer)", "the issuer (--issuer)");
pub const WHAT_TITLE: Text = t("trích yếu (--title)", "the subject (--title)");
pub const WHAT_NAME: Text = t("tên tổ chức đảng", "the unit name");
pub const DIRECTIVE_DESCRIBED: Text = t(
    "{label} ngày {date} của {issuer}",
    "{label} of {date} by {issuer}",
);
pub const DIRECTIVE_EXISTS: Text = t(
    "văn bản này đã có: {directive}; không thêm lần nữa (nếu là văn bản khác thì ghi rõ ngày ban hành bằng --date)",
    "this directive is already recorded: {directive}; not added again (if it is another one, give its issue date with --date)",
);
pub const DIRECTIVE_ADDED: Text = t("Đã thêm văn bản {directive}", "Added directive {directive}");
pub const DIRECTIVE_NOT_FOUND: Text = t(
    "không tìm thấy văn bản '{input}'; xem danh sách bằng `theodoi directive list`",
    "no directive matches '{input}'; see `theodoi directive list`",
);
pub const DIRECTIVE_AMBIGUOUS: Text = t(
    "'{input}' ứng với nhiều văn bản; cần thêm --issuer (cơ quan ban hành) để chỉ rõ văn bản nào: {candidates}",
    "'{input}' matches several directives; add --issuer (the issuing body) to choose: {candidates}",
);
pub const DIRECTIVE_AMBIGUOUS_DATED: Text = t(
    "'{input}' ứng với nhiều văn bản; cần ghi thêm ngày ban hành để chỉ rõ văn bản nào (ví dụ '{input} ngày {date}'): {candidates}",
    "'{input}' matches several directives; add the issue date to choose (e.g. '{input} ngày {date}'): {candidates}",
);
pub const UNIT_NOT_FOUND: Text = t(
    "không tìm thấy tổ chức đảng '{input}'; xem danh sách bằng `theodoi unit list`",
    "no unit matches '{input}'; see `theodoi unit list`",
);
pub const UNIT_AMBIGUOUS: Text = t(
    "'{input}' ứng với nhiều tổ chức đảng; cần ghi mã hoặc tên đầy đủ: {candidates}",
    "'{input}' matches several units; give the code or the full name: {candidates}",
);
pub const UNIT_AMBIGUOUS_MANY: Text = t(
    "'{input}' ứng với nhiều tổ chức đảng; cần ghi mã hoặc tên đầy đủ (xem `theodoi unit list --search {quoted}`): {candidates}",
    "'{input}' matches several units; give the code or the full name (see `theodoi unit list --search {quoted}`): {candidates}",
);
pub const UNIT_CODE_TAKEN: Text = t(
    "mã đơn vị '{code}' đã dùng cho {name}",
    "unit code '{code}' is already used by {name}",
);
pub const UNIT_BAD_CODE: Text = t(
    "mã không hợp lệ '{code}': chỉ dùng chữ không dấu, chữ số và - _ . (tối đa 40 ký tự, không bắt đầu bằng -)",
    "invalid code '{code}': use unaccented letters, digits and - _ . (at most 40 characters, not beginning with -)",
);
pub const UNIT_BAD_PARENT: Text = t(
    "{kind} chỉ được đặt dưới {allowed}; {parent} là {parent_kind}",
    "units of kind {kind} can only be placed under: {allowed}; {parent} is of kind {parent_kind}",
);
pub const UNIT_NEEDS_PARENT: Text = t(
    "{kind} phải có cấp trên trực tiếp (--parent) là {allowed}",
    "units of kind {kind} need a parent (--parent) of kind: {allowed}",
);
pub const UNIT_ADDED: Text = t(
    "Đã thêm tổ chức đảng: {name} (mã {code})",
    "Added unit {name} (code {code})",
);
pub const IMPORT_READ: Text = t("không đọc được tệp {path}", "could not read file {path}");
pub const IMPORT_PROGRESS: Text = t("tổ chức đảng", "units");
pub const IMPORT_ROW: Text = t("dòng {line}: {reason}", "line {line}: {reason}");
pub const IMPORT_FAILED: Text = t(
    "tệp {path} có {n} dòng lỗi, không ghi gì: {errors}",
    "file {path} has {n:bad line|bad lines}; nothing written: {errors}",
);
pub const IMPORT_PARENT_UNKNOWN: Text = t(
    "không có cấp trên '{parent}' (trong tệp hay trong cơ sở dữ liệu)",
    "parent '{parent}' is neither in the file nor in the database",
);
pub const IMPORT_CYCLE: Text = t(
    "cấp trên '{parent}' khiến một tổ chức đảng trực thuộc chính cấp dưới của mình",
    "parent '{parent}' would place an organization under one of its own subordinates",
);
pub const IMPORT_DUPLICATE: Text = t(
    "mã '{code}' đã có ở dòng {line}",
    "code '{code}' already appears on line {line}",
);
pub const IMPORT_DONE: Text = t(
    "Đã nhập {n} tổ chức đảng từ {path}",
    "Imported {n:unit|units} from {path}",
);
pub const IMPORT_DRY_RUN: Text = t(
    "Tệp {path} hợp lệ: sẽ nhập {n} tổ chức đảng (chạy thử, chưa ghi gì)",
    "File {path} is valid: {n:unit|units} would be imported (dry run, nothing written)",
);
pub const TASK_CODE_TAKEN: Text = t(
    "mã nhiệm vụ '{code}' đã có; cần chọn mã khác, ghi bằng --code",
    "task code '{code}' is already used; choose another with --code",
);
pub const TASK_NO_UNITS: Text = t(
    "trong {scope} không có tổ chức đảng nào là {kinds}; chưa tạo nhiệm vụ",
    "no unit of kind {kinds} in {scope}; the task was not created",
);
pub const TASK_SCOPE_ALL: Text = t("toàn bộ các tổ chức đảng", "the whole organization");
pub const TASK_ADDED: Text = t(
    "Đã thêm nhiệm vụ {code} ({title}) của văn bản {directive}: {n} {whom} phải thực hiện",
    "Added task {code} ({title}) of {directive}: {n} {whom} must carry it out",
);
pub const TASK_DUPLICATE_KIND: Text = t(
    "{kind} được cho hai thời hạn; mỗi loại tổ chức đảng chỉ một --due",
    "kind {kind} is given two due dates; give one --due per kind",
);
pub const TASK_NOT_FOUND: Text = t(
    "không tìm thấy nhiệm vụ '{input}'; xem danh sách bằng `theodoi task list`",
    "no task matches '{input}'; see `theodoi task list`",
);
pub const TASK_AMBIGUOUS: Text = t(
    "'{input}' ứng với nhiều nhiệm vụ; cần ghi mã nhiệm vụ: {candidates}",
    "'{input}' matches several tasks; use the task code: {candidates}",
);
pub const DONE_NOT_APPLICABLE: Text = t(
    "{unit} không thuộc danh sách phải thực hiện nhiệm vụ {task}",
    "{unit} does not owe the task {task}",
);
pub const DONE_ALREADY: Text = t(
    "{unit} đã có kết quả nhiệm vụ {task} (hoàn thành ngày {date}{rating}); nếu cần sửa, thêm --correct, bản ghi cũ vẫn lưu trong nhật ký",
    "{unit} has a result for the task {task} already (done on {date}{rating}); to change it add --correct, the old record stays in the log",
);
pub const BACKUP_EXISTS: Text = t(
    "tệp {path} đã có; cần chọn tên khác (ví dụ có ngày: {example})",
    "file {path} already exists; choose another name (with the date, e.g. {example})",
);
pub const BACKUP_FAILED: Text = t(
    "không sao lưu được vào {path}",
    "could not back up to {path}",
);
pub const BACKUP_DONE: Text = t("Đã sao lưu vào {path}", "Backed up to {path}");
pub const DONE_FROM_DONE: Text = t(
    "Đã ghi {n} kết quả hoàn thành nhiệm vụ {task} từ tệp {path}",
    "Recorded {n:completion|completions} of task {task} from {path}",
);
pub const DONE_FROM_DRY_RUN: Text = t(
    "Tệp {path} hợp lệ: sẽ ghi {n} kết quả hoàn thành (chạy thử, chưa ghi gì)",
    "File {path} is valid: {n:completion|completions} would be recorded (dry run, nothing written)",
);
pub const DONE_FROM_CONFLICT: Text = t(
    "dùng --from thì không dùng --unit, --on, --evidence, --note (lấy từ các cột của tệp)",
    "--from takes the unit, date, evidence and note from the file's columns; leave out --unit, --on, --evidence, --note",
);
pub const DONE_NEEDS_UNIT: Text = t(
    "cần cho biết tổ chức đảng bằng --unit (hoặc ghi nhiều kết quả một lần từ tệp .xlsx, .csv bằng --from TỆP)",
    "--unit is needed (or --from FILE, an .xlsx or .csv file, to record many at once)",
);
pub const WHAT_REASON_REVOKE: Text = t("lý do (--reason)", "the reason (--reason)");
pub const REVOKED_ALREADY: Text = t(
    "văn bản {directive} đã hết hiệu lực từ ngày {date}",
    "directive {directive} was already revoked on {date}",
);
pub const REVOKED: Text = t(
    "Đã ghi văn bản {directive} hết hiệu lực từ ngày {date}; {stopped}",
    "Recorded {directive} as revoked on {date}; {stopped}",
);
pub const REPLACED_REASON: Text = t("được thay thế bởi {directive}", "replaced by {directive}");
pub const REPLACED: Text = t(
    "Đã ghi {old} được thay thế bởi {new} từ ngày {date}; {stopped}",
    "Recorded {old} as replaced by {new} on {date}; {stopped}",
);
pub const DISSOLVED_ALREADY: Text = t(
    "{unit} đã giải thể hoặc sáp nhập từ ngày {date}",
    "{unit} was already dissolved or merged on {date}",
);
pub const DISSOLVE_HAS_CHILDREN: Text = t(
    "{unit} còn tổ chức đảng trực thuộc ({children}); cần chuyển hoặc giải thể các tổ chức đảng đó trước, hoặc sáp nhập cả {unit} bằng `theodoi unit merge`",
    "{unit} still has units under it ({children}); move or dissolve them first, or merge all of {unit} with `theodoi unit merge`",
);
pub const DISSOLVED_REASON: Text = t(
    "tổ chức đảng đã giải thể ngày {date}",
    "unit dissolved on {date}",
);
pub const DISSOLVED: Text = t(
    "Đã ghi {unit} giải thể từ ngày {date}; {stopped}",
    "Recorded {unit} as dissolved on {date}; {stopped}",
);
pub const MERGE_INTO_ITSELF: Text = t(
    "không thể sáp nhập {unit} vào chính nó",
    "cannot merge {unit} into itself",
);
pub const MERGED_REASON: Text = t(
    "sáp nhập vào {unit} ngày {date}",
    "merged into {unit} on {date}",
);
pub const MERGED: Text = t(
    "Đã sáp nhập {unit} vào {into} từ ngày {date}; {n} nhiệm vụ chưa hoàn thành chuyển sang {into}",
    "Merged {unit} into {into} on {date}; {n:open obligation|open obligations} passed to {into}",
);
pub const MERGED_CLOSED: Text = t(
    "; {n} nhiệm vụ không chuyển vì {into} cũng có nhiệm vụ đó (phần của tổ chức đảng cũ dừng theo dõi)",
    "; {n:obligation|obligations} not passed on because {into} owes the same task (the old unit's are closed)",
);
pub const DISSOLVED_MARK: Text = t("giải thể {date}", "dissolved {date}");
pub const MERGED_MARK: Text = t(
    "sáp nhập vào {unit} từ {date}",
    "merged into {unit} from {date}",
);
pub const EXPORT_NOT_OURS: Text = t(
    "{path} không phải tệp xuất của theodoi (định dạng phiên bản {version})",
    "{path} is not a theodoi export (format version {version})",
);
pub const EXPORT_TOO_NEW: Text = t(
    "{path} được xuất từ cơ sở dữ liệu phiên bản {found}, mới hơn phiên bản {known} mà bản theodoi này hỗ trợ",
    "{path} was exported from database version {found}, newer than version {known} that this theodoi understands",
);
pub const EXPORT_BAD_ROW: Text = t(
    "tệp {path} có bản ghi không nhập được vào bảng {table}",
    "file {path} has a record that does not fit table {table}",
);
pub const EXPORT_REFUSED: Text = t(
    "tệp {path} có {n} giá trị sai, không nhập gì: {problems}",
    "file {path} has {n:bad value|bad values}; nothing imported: {problems}",
);
pub const EXPORT_AT_ROW: Text = t("{table} #{row}", "{table} #{row}");
pub const EXPORT_AT_POSITION: Text = t("{table} (bản ghi thứ {n})", "{table} (record {n})");
pub const EXPORT_FIELD: Text = t(
    "{at}, {field} = {value}: {reason}",
    "{at}, {field} = {value}: {reason}",
);
pub const EXPORT_WHOLE: Text = t("{at}: {reason}", "{at}: {reason}");
pub const EXPORT_SHAPE: Text = t(
    "mỗi bảng phải là một mảng JSON các bản ghi, mỗi bản ghi là một đối tượng JSON",
    "a table must be a JSON array of records, each a JSON object",
);
pub const EXPORT_UNKNOWN_TABLE: Text =
    t("bản xuất không có bảng này", "an export has no such table");
pub const EXPORT_UNKNOWN_COLUMN: Text = t("bảng không có cột này", "the table has no such column");
pub const EXPORT_MISSING: Text = t("cần có giá trị", "a value is required");
pub const EXPORT_INTEGER: Text = t("cần một số nguyên", "an integer is expected");
pub const EXPORT_ID: Text = t("cần một số nguyên dương", "a positive integer is expected");
pub const EXPORT_FLAG: Text = t("cần 0 hoặc 1", "0 or 1 is expected");
pub const EXPORT_TEXT: Text = t("cần một chuỗi văn bản", "a text is expected");
pub const EXPORT_DATE: Text = t(
    "cần một ngày có thật, viết YYYY-MM-DD, từ {first}",
    "a real day written YYYY-MM-DD, from {first}, is expected",
);
pub const EXPORT_TIMESTAMP: Text = t(
    "cần thời điểm theo RFC 3339, như 2023-12-06T08:00:00Z",
    "an RFC 3339 time such as 2023-12-06T08:00:00Z is expected",
);
pub const EXPORT_JSON: Text = t(
    "cần văn bản JSON (một đối tượng JSON cho mỗi bản ghi của nhật ký)",
    "JSON text is expected (a JSON object for a logged record)",
);
pub const EXPORT_ONE_OF: Text = t("cần một trong: {accepted}", "one of: {accepted}");
pub const EXPORT_SYMBOL: Text = t(
    "cần số, ký hiệu viết chuẩn (như 188-KH/TU), cùng số với cột number",
    "a symbol in its standard form (such as 188-KH/TU), with the number of column number, is expected",
);
pub const EXPORT_NUMBER: Text = t(
    "cần số văn bản bằng chữ số",
    "a number in digits is expected",
);
pub const EXPORT_RANGE: Text = t(
    "cần first_id từ 1 và không lớn hơn last_id",
    "first_id from 1 and not above last_id is expected",
);
pub const EXPORT_REFERENCE: Text = t(
    "không có bản ghi nào của bảng {table} có id này",
    "no record of table {table} has this id",
);
pub const EXPORT_DUPLICATE: Text = t("trùng với {other}", "the same as {other}");
pub const EXPORT_CYCLE: Text = t(
    "cấp trên khiến một tổ chức đảng trực thuộc chính cấp dưới của mình",
    "the parents place an organization under one of its own subordinates",
);
pub const EXPORT_LINK_CYCLE: Text = t(
    "thay thế hoặc sáp nhập vào chính nó, trực tiếp hay qua bản ghi khác",
    "replaces or merges into itself, directly or through others",
);
pub const EXPORT_STATE_RANGE: Text = t(
    "khoảng thời gian không hợp lệ: bắt đầu sau khi kết thúc, trùng với khoảng khác của cùng tổ chức đảng, hoặc không kết thúc trước tình trạng hiện nay (since_on) của tổ chức đảng đó",
    "not a valid range: it begins after it ends, overlaps another of the same unit, or does not end before the unit's current state (since_on)",
);
pub const EXPORT_BEFORE_DIRECTIVE: Text = t(
    "hoàn thành trước ngày ban hành văn bản ({date}) mà không được đánh dấu là ghi bằng --force",
    "done before the directive was issued ({date}) without being marked as recorded with --force",
);
pub const TREE_CYCLE: Text = t(
    "hệ thống tổ chức đảng bị quẩn qua {unit}: một tổ chức đảng trực thuộc chính cấp dưới của mình (dữ liệu bị sửa tay); cần đặt lại cấp trên bằng `theodoi unit move … --correct`",
    "the organization is looped through {unit}: a unit under one of its own subordinates (data edited by hand); set a parent again with `theodoi unit move … --correct`",
);
pub const UNIT_SECOND_ROOT: Text = t(
    "{root} đã là cấp cao nhất; mọi tổ chức đảng khác phải có cấp trên trực tiếp",
    "{root} is the top level already; every other unit needs a parent",
);
pub const IMPORT_NOT_EMPTY: Text = t(
    "chỉ nhập được vào cơ sở dữ liệu trống; tạo tệp mới bằng `theodoi --db MỚI.db init`",
    "import only into an empty database; create one with `theodoi --db NEW.db init`",
);
pub const EXPORT_FAILED: Text = t(
    "không xuất được dữ liệu ra {path}",
    "could not export to {path}",
);
pub const EXPORT_DONE: Text = t(
    "Đã xuất toàn bộ dữ liệu ra {path}",
    "Exported everything to {path}",
);
pub const IMPORTED: Text = t(
    "Đã nhập {n} bản ghi từ {path}",
    "Imported {n:record|records} from {path}",
);
pub const NOT_JSON: Text = t(
    "tệp {path} không phải JSON hợp lệ",
    "file {path} is not valid JSON",
);
pub const RATING_NOT_RATED_TASK: Text = t(
    "nhiệm vụ {task} không có xếp loại nên không ghi --rating, --not-rated; nhiệm vụ có xếp loại được tạo bằng `theodoi task add … --rated`",
    "the task {task} is not rated, so --rating and --not-rated do not apply; a rated task is made with `theodoi task add … --rated`",
);
pub const BAD_RATING: Text = t(
    "xếp loại không hợp lệ '{input}'; giá trị hợp lệ: HTXSNV, HTTNV, HTNV, KHTNV (hoặc tên đầy đủ)",
    "unknown rating '{input}'; accepted: HTXSNV, HTTNV, HTNV, KHTNV (or the full names)",
);
pub const ORDER_REFUSED: Text = t(
    "chưa ghi được kết quả hoàn thành của {unit}: {rule}, còn {n} tổ chức đảng trực thuộc chưa hoàn thành: {units}. Muốn vẫn ghi thì thêm --force",
    "{unit} cannot be recorded done yet: {rule}, {n:unit under it is|units under it are} still open: {units}. Add --force to record it anyway",
);
pub const BAD_RULE_NAME: Text = t(
    "không có quy tắc '{input}'; các quy tắc: {accepted}",
    "no rule '{input}'; the rules: {accepted}",
);
pub const BAD_RULE_VALUE: Text = t(
    "giá trị '{input}' không hợp lệ cho quy tắc {name}; giá trị hợp lệ: {accepted}",
    "invalid value '{input}' for rule {name}; accepted: {accepted}",
);
pub const RULE_SET: Text = t(
    "Đã đặt quy tắc {name}: {value} (trước: {was})",
    "Set the rule {name}: {value} (was {was})",
);
pub const H_RULE: Text = t("Quy tắc", "Rule");
pub const H_VALUE: Text = t("Giá trị", "Value");
pub const H_DEFAULT: Text = t("Mặc định", "Default");
pub const H_MEANING: Text = t("Ý nghĩa", "Meaning");
pub const H_GROUP: Text = t("Cấp trên trực tiếp", "Parent");
pub const H_NOT_RATED: Text = t("Không xếp loại", "Not rated");
pub const H_UNRATED: Text = t("Chưa có kết quả", "No result yet");
pub const H_QUOTA: Text = t("HTXSNV/HTTNV", "HTXSNV/HTTNV");
pub const H_VERDICT: Text = t("Tỷ lệ HTXSNV/HTTNV", "HTXSNV/HTTNV share");
pub const H_ISSUE: Text = t("Nội dung cần rà soát", "To check");
pub const QUOTA_OK: Text = t("Bảo đảm", "Within the limit");
pub const QUOTA_NO_RESULTS: Text = t("—", "no results yet");
pub const QUOTA_BROKEN: Text = t("Vượt quá {pct}%", "Over {pct}%");
pub const RATINGS_HEADING: Text = t(
    "Kết quả xếp loại tính đến ngày {date}",
    "Ratings as of {date}",
);
pub const RATINGS_NONE: Text = t(
    "Chưa có nhiệm vụ nào có xếp loại chất lượng (tạo bằng `theodoi task add … --rated`).",
    "No rating tasks yet (make one with `theodoi task add … --rated`).",
);
pub const ISSUES_HEADING: Text = t("Những trường hợp cần rà soát", "Cases to check");
pub const ISSUES_NONE: Text = t("Không có trường hợp nào cần rà soát.", "Nothing to review.");
pub const ISSUE_QUOTA: Text = t(
    "{excellent} HTXSNV/{good} HTTNV ({share}), vượt mức tối đa {pct}%",
    "{excellent} HTXSNV/{good} HTTNV ({share}), over the {pct}% maximum",
);
pub const ISSUE_YOUNG: Text = t(
    "thành lập ngày {founded}, chưa đủ {months} tháng nên không xếp loại, nhưng đã có kết quả xếp loại",
    "founded on {founded}, younger than {months:month|months}, so not to be rated; yet a rating is recorded",
);
pub const ISSUE_FORCED: Text = t(
    "ghi hoàn thành trước các tổ chức đảng trực thuộc (--force)",
    "recorded done before the units under it (--force)",
);
pub const ISSUE_MISSING: Text = t("chưa có kết quả xếp loại", "no rating yet");
pub const DIRECTIVE_EDITED: Text = t(
    "Đã sửa văn bản: {directive}",
    "Corrected directive: {directive}",
);
pub const TASK_EDITED: Text = t(
    "Đã sửa nhiệm vụ {code}: {title}",
    "Corrected task {code}: {title}",
);
pub const PERSON_CODE_TAKEN: Text = t(
    "mã '{code}' đã dùng cho {name}",
    "code '{code}' is already used by {name}",
);
pub const PERSON_NOT_FOUND: Text = t(
    "không tìm thấy cán bộ '{input}'; xem danh sách bằng `theodoi person list`",
    "no person matches '{input}'; see `theodoi person list`",
);
pub const PERSON_AMBIGUOUS: Text = t(
    "'{input}' ứng với nhiều cán bộ; cần ghi mã cán bộ: {candidates}",
    "'{input}' matches several people; use the code: {candidates}",
);
pub const PERSON_ADDED: Text = t(
    "Đã thêm {name}, {position} ({unit}), mã {code}",
    "Added {name}, {position} ({unit}), code {code}",
);
pub const PERSON_LEFT: Text = t(
    "Đã ghi {name} thôi giữ chức từ ngày {date}; quá trình công tác vẫn được lưu",
    "Recorded {name} as out of post from {date}; their record is kept",
);
pub const PERSON_LIST_EMPTY: Text = t("Chưa có cán bộ nào.", "No people recorded.");
pub const WHAT_POSITION: Text = t("chức vụ (--position)", "the position (--position)");
pub const WHAT_PERSON_NAME: Text = t("họ tên", "the name");
pub const DONE_UNIT_OR_PERSON: Text = t(
    "nhiệm vụ {task} dành cho cán bộ: dùng --person thay cho --unit",
    "the task {task} is for people: use --person instead of --unit",
);
pub const DONE_PERSON_NOT_APPLICABLE: Text = t(
    "{name} không thuộc danh sách cán bộ phải thực hiện nhiệm vụ {task}",
    "{name} does not owe the task {task}",
);
pub const H_PERSON: Text = t("Họ tên", "Name");
pub const H_POSITION: Text = t("Chức vụ", "Position");
pub const H_FROM: Text = t("Giữ chức từ ngày", "In post from");
pub const H_TO: Text = t("Thôi giữ chức từ ngày", "Out of post from");
pub const PEOPLE_IMPORTED: Text = t(
    "Đã nhập {n} cán bộ từ {path}",
    "Imported {n:person|people} from {path}",
);
pub const PEOPLE_DRY_RUN: Text = t(
    "Tệp {path} hợp lệ: {n} cán bộ sẽ được nhập (chạy thử, không ghi gì)",
    "File {path} is valid: {n:person|people} would be imported (dry run, nothing written)",
);
pub const WARN_COLLECTIVE_FIRST: Text = t(
    "Cảnh báo: tập thể {unit} chưa hoàn thành nhiệm vụ {tasks}; theo quy định, tập thể kiểm điểm trước, cá nhân sau",
    "warning: {unit} (the collective) has not done {tasks} yet; collectives come before their members",
);
pub const EXTRACT_DIRECTIVES: Text = t("Văn bản tìm thấy", "Directives found");
pub const EXTRACT_DEADLINES: Text = t("Thời hạn tìm thấy", "Deadlines found");
pub const EXTRACT_NO_DIRECTIVES: Text = t("Không tìm thấy văn bản nào.", "No directives found.");
pub const EXTRACT_NO_DEADLINES: Text = t("Không tìm thấy thời hạn nào.", "No deadlines found.");
pub const H_LINE: Text = t("Dòng", "Line");
pub const EXTRACT_CONFIRM: Text = t(
    "Ghi những điều trên vào cơ sở dữ liệu? [c/k]",
    "Record the above in the database? [y/n]",
);
pub const EXTRACT_NEEDS_YES: Text = t(
    "không hỏi xác nhận được (lệnh không chạy trực tiếp); muốn ghi thì thêm --yes",
    "cannot ask for confirmation (not run from a terminal); add --yes to record",
);
pub const EXTRACT_NOTHING_WRITTEN: Text = t("Không ghi gì.", "Nothing written.");
pub const EXTRACT_LINKED: Text = t(
    "Đã có, dùng văn bản {directive}",
    "Already recorded, linked {directive}",
);
pub const EXTRACT_UNSURE: Text = t(
    "Chưa ghi {directive}: văn bản không nói rõ {missing}",
    "Not recorded: {directive}; the text does not say its {missing}",
);
pub const EXTRACT_TASK_LINKED: Text = t(
    "Đã có nhiệm vụ {code} ({title}) với các thời hạn này",
    "Task {code} ({title}) with these deadlines is already recorded",
);
pub const EXTRACT_UNSURE_MARK: Text = t(
    "{directive} (cần kiểm tra: {fields})",
    "{directive} (to check: {fields})",
);
pub const UNIT_MOVE_CYCLE: Text = t(
    "không thể chuyển {unit} vào dưới chính nó hoặc một tổ chức đảng trực thuộc nó",
    "cannot move {unit} under itself or one of its own units",
);
pub const UNIT_RENAMED: Text = t("Đã đổi tên: {from} → {to}", "Renamed: {from} → {to}");
pub const UNIT_MOVED: Text = t(
    "Đã chuyển {unit} sang trực thuộc {to}",
    "Moved {unit} under {to}",
);
pub const UNIT_KIND_NOW: Text = t(", nay là {kind}", ", now a {kind}");
pub const UNIT_KIND_CHANGED: Text = t(
    "Đã chuyển {unit} từ {from} thành {to}",
    "{unit} is now a {to} (was a {from})",
);
pub const UNDO_ALREADY: Text = t(
    "thay đổi #{id} đã được hoàn tác tại thay đổi #{by}",
    "change #{id} was already undone (by #{by})",
);
pub const UNDO_LATER_CHANGE: Text = t(
    "không hoàn tác được thay đổi #{id}: thay đổi #{later} sau đó đã sửa cùng bản ghi; cần hoàn tác #{later} trước",
    "cannot undo change #{id}: the later change #{later} touched the same records; undo #{later} first",
);
pub const UNDO_DEPENDED_ON: Text = t(
    "không hoàn tác được: các bản ghi khác đã dựa vào dữ liệu này ({table})",
    "cannot undo: other records depend on these rows ({table})",
);
pub const RECORD_DIRECTIVES: Text = t("văn bản", "directives");
pub const RECORD_UNITS: Text = t("tổ chức đảng", "units");
pub const RECORD_PEOPLE: Text = t("cán bộ", "people");
pub const RECORD_TASKS: Text = t("nhiệm vụ", "tasks");
pub const RECORD_OBLIGATIONS: Text = t("kết quả thực hiện", "obligations");
pub const RECORD_OTHER: Text = t("dữ liệu", "records");
pub const UNDO_NOTHING: Text = t(
    "người cập nhật {actor} chưa có thay đổi nào để hoàn tác",
    "no change by {actor} to undo",
);
pub const UNDO_NOT_FOUND: Text = t(
    "không có thay đổi #{id}; xem `theodoi log`",
    "no change #{id}; see `theodoi log`",
);
pub const UNDO_DONE: Text = t(
    "Đã hoàn tác thay đổi #{id}: {summary}",
    "Undid change #{id}: {summary}",
);
pub const EXTEND_DONE: Text = t(
    "Đã gia hạn cho {unit}, nhiệm vụ “{title}”: đến ngày {date} (hạn ban đầu {first})",
    "Extended for {unit}, task “{title}”: to {date} (first due {first})",
);
pub const EXTEND_NOT_LATER: Text = t(
    "hạn mới ({to}) phải sau hạn hiện tại ({from})",
    "the new due date ({to}) must be after the current one ({from})",
);
pub const EXTEND_DONE_ALREADY: Text = t(
    "{unit} đã hoàn thành nhiệm vụ {task} ngày {date}; không cần gia hạn",
    "{unit} already did the task {task} on {date}; no extension needed",
);
pub const WHAT_REASON: Text = t("lý do gia hạn (--reason)", "the reason (--reason)");
pub const EXTENDED: Text = t("hạn ban đầu {date}", "first due {date}");
pub const PASSED_FROM: Text = t(
    "của {unit}, chuyển sang từ {date}",
    "{unit}'s, passed on from {date}",
);
pub const LOG_FROM_DAY: Text = t("từ {date}", "from {date}");
pub const LOG_CORRECTION: Text = t(
    "đính chính, áp dụng từ lần thay đổi trước",
    "a correction, back to the change before",
);
pub const LOG_EMPTY: Text = t("Nhật ký chưa có thay đổi nào.", "The log is empty.");
pub const LOG_HEADING: Text = t("Nhật ký thay đổi", "Change log");
pub const H_NO: Text = t("Số", "No.");
pub const H_AT: Text = t("Thời điểm", "When");
pub const H_ACTOR: Text = t("Người cập nhật", "Recorded by");
pub const H_CHANGE: Text = t("Thay đổi", "Change");
pub const UNDONE_BY: Text = t("(đã hoàn tác tại thay đổi #{id})", "(undone by #{id})");

pub const DONE_FUTURE: Text = t(
    "ngày hoàn thành {date} không được sau ngày hôm nay ({today})",
    "completion date {date} is after today ({today})",
);
pub const DONE_RECORDED: Text = t(
    "Đã ghi kết quả: {unit} hoàn thành nhiệm vụ “{title}” ngày {date} ({timing}){rating}",
    "Recorded: {unit} did the task “{title}” on {date} ({timing}){rating}",
);
pub const OVERDUE_NONE: Text = t(
    "Không có trường hợp nào chưa hoàn thành, quá hạn tính đến ngày {date}.",
    "Nothing is overdue as of {date}.",
);
pub const OVERDUE_HEADING: Text = t(
    "Tổ chức đảng chưa hoàn thành, quá hạn tính đến ngày {date}",
    "Overdue as of {date}",
);
pub const UPCOMING_HEADING: Text = t(
    "Nhiệm vụ sắp đến hạn trong {days} ngày tính từ ngày {date}",
    "Due within {days:day|days} of {date}",
);
pub const UPCOMING_NONE: Text = t(
    "Không có nhiệm vụ nào sắp đến hạn trong {days} ngày tính từ ngày {date}.",
    "Nothing falls due within {days:day|days} of {date}.",
);
pub const AGENDA_HEADING: Text = t(
    "Nhiệm vụ của {unit} tính đến ngày {date}",
    "Tasks of {unit} as of {date}",
);
pub const AGENDA_NONE: Text = t(
    "{unit} chưa được giao nhiệm vụ nào.",
    "{unit} has no tasks.",
);
pub const STATUS_DAYS_LATE: Text = t(
    "Chưa hoàn thành, quá hạn {n} ngày",
    "Overdue by {n:day|days}",
);
pub const PROGRESS_HEADING: Text = t(
    "Tiến độ thực hiện tính đến ngày {date}",
    "Progress as of {date}",
);
pub const PROGRESS_NONE: Text = t("Chưa có nhiệm vụ nào.", "No tasks yet.");
pub const DIRECTIVE_LIST_EMPTY: Text = t("Chưa có văn bản nào.", "No directives recorded.");
pub const UNIT_LIST_EMPTY: Text = t("Chưa có tổ chức đảng nào.", "No units recorded.");
pub const TASK_LIST_EMPTY: Text = t("Chưa có nhiệm vụ nào.", "No tasks recorded.");
pub const UNIT_LIST_NONE_FOUND: Text = t(
    "Không có tổ chức đảng nào có tên hoặc mã chứa '{search}'.",
    "No unit's name or code contains '{search}'.",
);
pub const DIRECTIVE_LIST_NONE_FOUND: Text = t(
    "Không có văn bản nào có số, ký hiệu hoặc trích yếu chứa '{search}'.",
    "No directive's symbol, number or title contains '{search}'.",
);
pub const TASK_LIST_NONE_FOUND: Text = t(
    "Không có nhiệm vụ nào có mã hoặc tên chứa '{search}'.",
    "No task's code or title contains '{search}'.",
);
pub const PERSON_LIST_NONE_FOUND: Text = t(
    "Không có cán bộ nào có tên hoặc mã chứa '{search}'.",
    "No person's name or code contains '{search}'.",
);
pub const SHOW_TASKS: Text = t("Nhiệm vụ:", "Tasks:");
pub const SHOW_NO_TASKS: Text = t("Chưa có nhiệm vụ nào.", "No tasks yet.");
pub const DEMO_BUILT: Text = t(
    "Đã dựng cơ sở dữ liệu mẫu Sơn Tây tại {path}",
    "Built the Sơn Tây demo database at {path}",
);
pub const DEMO_NOT_DEMO: Text = t(
    "{path} không phải cơ sở dữ liệu mẫu; lệnh demo không ghi đè lên nó",
    "{path} is not a demo database; demo will not overwrite it",
);
pub const DEMO_FIXTURE: Text = t(
    "tệp mẫu fixtures/{file} có lỗi",
    "fixture file fixtures/{file} is broken",
);
pub const DEMO_HINT: Text = t(
    "Xem thêm: theodoi --db {path} unit list | directive list | overdue --as-of 13/12/2023",
    "More: theodoi --db {path} unit list | directive list | overdue --as-of 13/12/2023",
);
pub const NOTHING_CHANGED: Text = t(
    "Không có gì thay đổi: dữ liệu đã đúng như vậy, nhật ký không ghi thêm.",
    "Nothing changed: the record already says so; nothing was logged.",
);
pub const ERR_PREFIX: Text = t("theodoi: ", "theodoi: ");
pub const INTERNAL_ERROR: Text = t(
    "lỗi nội bộ ({detail}); không có gì được ghi dở dang. Xin báo lại kèm lệnh đã chạy",
    "internal error ({detail}); nothing was half-written. Please report it with the command you ran",
);
pub const CLAP_INVALID_VALUE: Text = t(
    "giá trị '{value}' không hợp lệ cho {arg}",
    "invalid value '{value}' for {arg}",
);
pub const CLAP_UNKNOWN_ARG: Text = t(
    "không có tùy chọn '{arg}'{hint}; xem `theodoi {cmd}--help`",
    "unexpected argument '{arg}'{hint}; see `theodoi {cmd}--help`",
);
pub const CLAP_MISSING: Text = t(
    "thiếu tham số bắt buộc: {args}; xem `theodoi {cmd}--help`",
    "missing required arguments: {args}; see `theodoi {cmd}--help`",
);
pub const CLAP_UNKNOWN_CMD: Text = t(
    "không có lệnh '{arg}'{hint}; xem `theodoi {cmd}--help`",
    "no such command '{arg}'{hint}; see `theodoi {cmd}--help`",
);
pub const CLAP_CONFLICT: Text = t(
    "không dùng {arg} cùng với {other}; xem `theodoi {cmd}--help`",
    "{arg} cannot be used with {other}; see `theodoi {cmd}--help`",
);
pub const CLAP_NO_COMMAND: Text = t(
    "thiếu lệnh; xem `theodoi {cmd}--help`",
    "a command is missing; see `theodoi {cmd}--help`",
);
pub const BAD_NUMBER: Text = t(
    "'{input}' không phải số nguyên từ 0 đến {max}",
    "'{input}' is not a whole number from 0 to {max}",
);
pub const CSV_FIELDS: Text = t(
    "dòng có {found} cột, dòng đầu có {expected} cột (kiểm tra dấu phẩy, hoặc tệp dùng dấu chấm phẩy)",
    "the line has {found:column|columns}, the first line {expected} (check the commas, or the file uses semicolons)",
);
pub const IO_NOT_FOUND: Text = t("không có tệp hay thư mục này", "no such file or folder");
pub const IO_DENIED: Text = t("không có quyền truy cập", "permission denied");
pub const IO_CANNOT_OPEN: Text = t(
    "hệ thống không cho mở tệp (không có quyền, thư mục không còn, hoặc quá nhiều tệp đang mở)",
    "the system would not open the file (no permission, the folder is gone, or too many files are open)",
);
pub const IO_FULL: Text = t("đĩa đã đầy", "the disk is full");
pub const IO_DIRECTORY: Text = t(
    "đây là một thư mục, không phải tệp",
    "this is a folder, not a file",
);
pub const IO_EXISTS: Text = t("đã có", "exists already");
pub const IO_READ_ONLY: Text = t("ổ đĩa chỉ đọc", "the disk is read-only");
pub const CLAP_OTHER: Text = t(
    "tham số không hợp lệ {detail}; xem `theodoi {cmd}--help`",
    "invalid arguments {detail}; see `theodoi {cmd}--help`",
);
pub const ACCEPTED: Text = t("giá trị hợp lệ", "accepted");
pub const ORDER_BY_DATE_REFUSED: Text = t(
    "chưa ghi được kết quả hoàn thành của {unit} vào ngày {date}: {rule}, {n} tổ chức đảng trực thuộc chưa hoàn thành đến ngày đó: {units}. Muốn vẫn ghi thì thêm --force",
    "{unit} cannot be recorded done on {date}: {rule}, {n:unit under it was|units under it were} not done by that day: {units}. Add --force to record it anyway",
);
pub const ORDER_AFTER_UPPER_REFUSED: Text = t(
    "không sửa được ngày hoàn thành của {unit} thành {date}: {rule}, cấp trên đã hoàn thành trước ngày đó: {units}. Muốn vẫn ghi thì thêm --force",
    "{unit} cannot be corrected to {date}: {rule}, units above it were done before that day: {units}. Add --force to record it anyway",
);
pub const NOT_DONE_YET: Text = t("chưa hoàn thành", "still open");
pub const DONE_FAR_FROM_DUE: Text = t(
    "ngày hoàn thành {date} cách hạn {due} hơn một năm; cần kiểm tra lại năm; nếu đúng như vậy thì thêm --force (nhật ký ghi rõ việc này)",
    "completion date {date} is more than a year from the due date {due}; check the year, or add --force if it really is so (the log says so)",
);
pub const DONE_CORRECTED: Text = t(
    "Đã sửa kết quả: {unit}, nhiệm vụ “{title}”: {changes}. Tình trạng: {status}",
    "Corrected: {unit}, task “{title}”: {changes}. Status: {status}",
);
pub const WARN_QUOTA: Text = t(
    "Cảnh báo: các tổ chức đảng trực thuộc {group}: {excellent} HTXSNV, {good} HTTNV ({share}), vượt tỷ lệ tối đa {pct}% ({limit}); dù các tổ chức đảng còn lại đều đạt HTTNV vẫn vượt. Kết quả vẫn được ghi; xem `theodoi ratings`",
    "warning: the units under {group} have {excellent} rated HTXSNV against {good} HTTNV ({share}), over the {pct}% quota ({limit}), and even if every unit still to report were rated HTTNV it would stay over; recorded all the same, `theodoi ratings` will show it",
);
pub const WARN_QUOTA_PEOPLE: Text = t(
    "Cảnh báo: cán bộ diện {committee} quản lý: {excellent} HTXSNV, {good} HTTNV ({share}), vượt tỷ lệ tối đa {pct}% ({limit}); dù các đồng chí còn lại đều đạt HTTNV vẫn vượt. Kết quả vẫn được ghi; xem `theodoi ratings`",
    "warning: the leaders {committee} manages have {excellent} rated HTXSNV against {good} HTTNV ({share}), over the {pct}% quota ({limit}), and even if everyone still to report were rated HTTNV it would stay over; recorded all the same, `theodoi ratings` will show it",
);
pub const QUOTA_NONE: Text = t("không được có HTXSNV nào", "no HTXSNV allowed");
pub const QUOTA_AT_MOST: Text = t("nhiều nhất {max} HTXSNV", "at most {max} HTXSNV");
pub const WARN_TOO_YOUNG: Text = t(
    "Cảnh báo: {unit} thành lập ngày {founded}, tính đến hạn kiểm điểm chưa đủ {months} tháng nên không xếp loại; vẫn ghi, trường hợp này sẽ được nêu trong `theodoi ratings` (muốn sửa: thêm --not-rated LÝ_DO --correct)",
    "warning: {unit} was founded on {founded}, less than {months:month|months} before the review was due, so it is not rated; recorded all the same, `theodoi ratings` will show it (or correct it: --not-rated REASON --correct)",
);
pub const ASK_TYPE: Text = t(
    "{symbol}: QĐ là {first} hay {second}? Chọn 1 ({first}) hoặc 2 ({second}): ",
    "{symbol}: is QĐ a {first} (decision) or a {second} (regulation)? Type 1 ({first}) or 2 ({second}): ",
);
pub const WARN_TYPE_IN_DOUBT: Text = t(
    "Cảnh báo: {symbol} có thể là {first} hoặc {second}; đã ghi là {recorded}. Cần ghi rõ loại văn bản bằng --type {first_slug} hoặc --type {second_slug} (sửa bản đã ghi: theodoi directive edit {symbol} --type …)",
    "warning: {symbol} may be a {first} (decision) or a {second} (regulation); recorded as {recorded}. Specify the type with --type {first_slug} or --type {second_slug} (to correct this one: theodoi directive edit {symbol} --type …)",
);
pub const DATE_UNKNOWN: Text = t("chưa rõ ngày", "date unknown");
pub const DIRECTIVE_DESCRIBED_UNDATED: Text = t(
    "{label} (chưa rõ ngày) của {issuer}",
    "{label} (date unknown) by {issuer}",
);
pub const REPLACE_DATE_UNKNOWN: Text = t(
    "chưa rõ ngày ban hành của {new} để tính ngày thay thế; cần cho ngày thay thế bằng --on, hoặc ghi ngày ban hành bằng `theodoi directive edit {reference} --date NGÀY`",
    "the issue date of {new}, from which the replacement counts, is unknown; give the day with --on, or record the issue date with `theodoi directive edit {reference} --date DATE`",
);
pub const UNIT_CANDIDATE: Text = t(
    "{name} ({code}, {kind}, thuộc {parent})",
    "{name} ({code}, {kind}, under {parent})",
);
pub const UNIT_CANDIDATE_NO_KIND: Text = t(
    "{name} ({code}, thuộc {parent})",
    "{name} ({code}, under {parent})",
);
pub const UNIT_CANDIDATE_TOP: Text = t("{name} ({code}, {kind})", "{name} ({code}, {kind})");
pub const UNIT_CANDIDATE_CODE: Text = t("{name} ({code})", "{name} ({code})");
pub const WHAT_ALIAS: Text = t("tên khác (--alias)", "the other name (--alias)");
pub const ALIAS_TAKEN: Text = t(
    "'{alias}' đã dùng để tìm {unit} (mã, tên, tên khác hoặc một phần tên của tổ chức đảng đó); cần chọn tên khác",
    "'{alias}' already finds {unit} (its code, name, other name or a part of its name); choose another",
);
pub const NO_SUCH_ALIAS: Text = t(
    "{unit} không có tên khác '{alias}'; các tên khác đã ghi: {aliases}",
    "{unit} has no other name '{alias}'; its other names: {aliases}",
);
pub const NO_ALIASES: Text = t(
    "{unit} không có tên khác '{alias}', và chưa có tên khác nào",
    "{unit} has no other name '{alias}'; it has no other names",
);
pub const UNIT_ALIASES_ADDED: Text = t(
    "Đã thêm tên khác cho {unit}: {aliases}",
    "Added other names of {unit}: {aliases}",
);
pub const UNIT_ALIASES_REMOVED: Text = t(
    "Đã bỏ tên khác của {unit}: {aliases}",
    "Removed other names of {unit}: {aliases}",
);
pub const ALIASES_MARK: Text = t("tên khác: {aliases}", "also: {aliases}");
pub const TREE_BROKEN_ON: Text = t(
    "không ghi thay đổi này vì hệ thống tổ chức đảng sẽ sai từ ngày {date}: {cause}",
    "not done: the unit tree would be wrong from {date}: {cause}",
);
pub const TREE_BROKEN: Text = t(
    "không ghi thay đổi này vì hệ thống tổ chức đảng sẽ sai: {cause}",
    "not done: the unit tree would be wrong: {cause}",
);
pub const UNDER_ENDED: Text = t(
    "{unit} vẫn trực thuộc {parent}, mà {parent} đã giải thể hoặc sáp nhập",
    "{unit} would still be under {parent}, which has been dissolved or merged",
);
pub const CYCLE_BY_CHANGE: Text = t(
    "{unit} sẽ trực thuộc chính cấp dưới của mình",
    "{unit} would sit under one of its own units",
);
pub const DONE_AFTER_END: Text = t(
    "ngày hoàn thành {date} sau ngày {subject} giải thể hoặc sáp nhập ({limit}); cần kiểm tra lại ngày; nếu đúng như vậy thì thêm --force",
    "completion date {date} is after {subject} was dissolved or merged ({limit}); check the date, or add --force if it really is so",
);
pub const NOTHING_TO_CORRECT: Text = t(
    "{who} chưa có kết quả nào của nhiệm vụ {task} để sửa; muốn ghi kết quả thì bỏ --correct",
    "{who} has no completion of the task {task} to correct; to record one, leave out --correct",
);
pub const TYPE_CONTRADICTS: Text = t(
    "'{input}': ký hiệu {code} là của {coded}, không phải {given}; bỏ --type, hoặc kiểm tra lại ký hiệu",
    "'{input}': the code {code} is a {coded}'s, not a {given}'s; leave out --type or check the symbol",
);
pub const WARN_VERY_LATE: Text = t(
    "Cảnh báo: ngày hoàn thành {date} muộn {days} ngày so với hạn {due}; nếu gõ nhầm năm thì sửa bằng --correct --on NGÀY",
    "warning: completion date {date} is {days:day|days} after the due date {due}; if the year is typed wrong, fix it with --correct --on DATE",
);
pub const BAD_YEAR: Text = t(
    "năm không hợp lệ '{input}'; cần viết năm bằng bốn chữ số, từ {min} đến {max} (ví dụ --year 2024)",
    "invalid year '{input}': write a four-digit year from {min} to {max} (e.g. --year 2024)",
);
pub const RENEW_SAME_YEAR: Text = t(
    "nhiệm vụ {task} đã là nhiệm vụ của năm {year}; cần cho năm mới bằng --year (ví dụ --year {next})",
    "the task {task} is the one for {year} already; give the new year with --year (e.g. --year {next})",
);
pub const RENEW_EXISTS: Text = t(
    "nhiệm vụ năm {year} đã có: {code} ({title}); không lập lần nữa (muốn lập một nhiệm vụ khác thì cho --code và --title)",
    "the task for {year} is recorded already: {code} ({title}); not made again (for another task, give --code and --title)",
);
pub const RENEW_OUT_OF_RANGE: Text = t(
    "thời hạn {due} của nhiệm vụ {task} dời sang năm {year} thì nằm ngoài khoảng ngày cho phép ({from} đến {to})",
    "due date {due} of the task {task} moved to {year} falls outside the accepted dates ({from} to {to})",
);
pub const RENEW_SCOPE_GONE: Text = t(
    "nhiệm vụ {task} chỉ giao cho các tổ chức đảng thuộc {unit}, mà tổ chức đảng này đã giải thể hoặc sáp nhập từ ngày {date}; cần chỉ phạm vi mới bằng --within",
    "the task {task} covered only {unit}, which was dissolved or merged on {date}; give the new scope with --within",
);
pub const RENEW_DONE: Text = t(
    "Đã lập nhiệm vụ {code} ({title}) cho năm {year} từ {from} (năm {from_year}), văn bản {directive}: {n} {whom} phải thực hiện",
    "Renewed {from} ({from_year}) for {year} as task {code} ({title}) of {directive}: {n} {whom} must carry it out",
);
pub const RENEW_DRY_RUN: Text = t(
    "Chạy thử, không ghi gì. Nhiệm vụ năm {year} sẽ lập từ {from} (năm {from_year}):",
    "Dry run, nothing written. The task for {year} that renewing {from} ({from_year}) would make:",
);
pub const RENEW_CODE: Text = t("  Mã: {code}", "  Code: {code}");
pub const RENEW_TITLE: Text = t("  Tên nhiệm vụ: {title}", "  Title: {title}");
pub const RENEW_DIRECTIVE: Text = t("  Văn bản: {directive}", "  Directive: {directive}");
pub const RENEW_DUE: Text = t(
    "  Hạn của {kind}: {date} ({n} {whom})",
    "  Due for {kind}: {date} ({n} {whom})",
);
pub const RENEW_TOTAL: Text = t(
    "  Tổng số: {n} {whom} phải thực hiện",
    "  In all: {n} {whom} must carry it out",
);
pub const DUE_REASON_NEEDED: Text = t(
    "đổi thời hạn phải có lý do: thêm --reason 'LÝ DO' (ví dụ --reason 'Theo Công văn số 125-CV/TU'); báo cáo và nhật ký ghi lý do cùng hạn mới",
    "moving a due date needs a reason: add --reason 'REASON' (e.g. --reason 'Per letter 125-CV/TU'); reports and the log show it with the new date",
);
pub const DUE_NOT_DUE: Text = t(
    "nhiệm vụ {task} không có thời hạn cho {kind}; các loại tổ chức đảng có thời hạn: {kinds}; muốn thêm loại mới thì dùng --add-due",
    "the task {task} has no due date for {kind}; it has due dates for: {kinds}; to add a kind, use --add-due",
);
pub const DUE_ALREADY: Text = t(
    "nhiệm vụ {task} đã có thời hạn {date} cho {kind}; muốn đổi thì dùng --due {slug}=NGÀY --reason 'LÝ DO'",
    "the task {task} already has due date {date} for {kind}; to move it, use --due {slug}=DATE --reason 'REASON'",
);
pub const DUE_HAS_COMPLETIONS: Text = t(
    "không bỏ được thời hạn của {kind} khỏi nhiệm vụ {task}: đã có {n} kết quả hoàn thành của loại tổ chức đảng này; thời hạn giữ nguyên",
    "cannot remove the due date for {kind} from the task {task}: {n:completion|completions} by units of that kind are recorded; the due date stays",
);
pub const DUE_NO_UNITS: Text = t(
    "trong {scope} không có tổ chức đảng nào là {kind}; không thêm thời hạn cho nhiệm vụ {task}",
    "no unit of kind {kind} in {scope}; no due date added to the task {task}",
);
pub const DUE_LAST_KIND: Text = t(
    "không bỏ được thời hạn của {kind}: đó là thời hạn duy nhất của nhiệm vụ {task}",
    "cannot remove the due date for {kind}: it is the only one of the task {task}",
);
pub const WHAT_DUE_REASON: Text = t("lý do đổi thời hạn (--reason)", "the reason (--reason)");
pub const DUE_MOVED: Text = t(
    "Đã đổi thời hạn nhiệm vụ {task} đối với {kind}: {from} → {to}",
    "Moved the due date of task {task} for {kind}: {from} → {to}",
);
pub const DUE_ADDED: Text = t(
    "Đã thêm thời hạn nhiệm vụ {task} cho {kind}: {date}",
    "Added a due date of task {task} for {kind}: {date}",
);
pub const DUE_REMOVED: Text = t(
    "Đã bỏ thời hạn nhiệm vụ {task} của {kind} ({date})",
    "Removed the due date of task {task} for {kind} ({date})",
);
pub const DUES_MOVED: Text = t(
    "{n} trường hợp chưa hoàn thành chuyển sang hạn mới",
    "{n:case|cases} still open now due on the new date",
);
pub const DUES_MOVED_DONE: Text = t(
    "{n} trường hợp đã hoàn thành cũng chuyển sang hạn mới",
    "{n:case|cases} already done now judged against the new date too",
);
pub const DUES_KEPT_DONE: Text = t(
    "{n} trường hợp đã hoàn thành vẫn tính theo hạn cũ",
    "{n:case already done keeps the due date it was|cases already done keep the due date they were} judged against",
);
pub const DUES_KEPT_EXTENDED: Text = t(
    "{n} trường hợp đã được gia hạn riêng đến sau ngày đó giữ nguyên hạn gia hạn",
    "{n:case extended on its own past that day keeps its|cases extended on their own past that day keep their} extension",
);
pub const DUES_ADDED: Text = t(
    "thêm {n} trường hợp phải thực hiện",
    "{n:case|cases} more must carry it out",
);
pub const DUES_REMOVED: Text = t(
    "{n} trường hợp không còn phải thực hiện",
    "{n:case|cases} no longer owe it",
);
pub const LOG_REASON: Text = t("lý do: {reason}", "reason: {reason}");
pub const DAYS_LEFT: Text = t("còn {n} ngày", "{n:day|days} left");
pub const ONE_DAY_LEFT: Text = t("còn 1 ngày", "1 day left");
pub const DUE_ON_DAY: Text = t("đến hạn ngày {date}", "due on {date}");
pub const DUE_MOVED_FROM: Text = t("đổi hạn từ {date}", "moved from {date}");
pub const STATUS_LEFT: Text = t("Chưa hoàn thành, trong hạn ({left})", "Open ({left})");
pub const RENEW_DIRECTIVE_ENDED: Text = t(
    "văn bản {directive} đã hết hiệu lực từ ngày {date}, không giao nhiệm vụ năm {year}; cần cho kế hoạch của năm mới bằng --directive",
    "directive {directive} ended on {date} and sets no task for {year}; give the new year's plan with --directive",
);

// Tasks given after they were set: units that join, `task assign`, a
// unit's new kind.

pub const JOIN_OWES: Text = t(
    "  phải thực hiện nhiệm vụ {task} ({title}), hạn {date}",
    "  now owes task {task} ({title}), due {date}",
);
pub const JOIN_PASSED: Text = t(
    "  không giao nhiệm vụ {task} ({title}): hạn {date} trước ngày thành lập {founded}; nếu vẫn phải thực hiện: `theodoi task assign {task} --unit {code} --due NGÀY`",
    "  not given task {task} ({title}): due {date}, before the unit was founded on {founded}; if it must do it all the same: `theodoi task assign {task} --unit {code} --due DATE`",
);
pub const JOIN_SKIPPED: Text = t(
    "  không giao nhiệm vụ nào (--no-tasks), dù tổ chức đảng này thuộc phạm vi của: {tasks}; giao sau bằng `theodoi task assign MÃ --unit {code}`",
    "  no task given (--no-tasks), although the unit is in the scope of: {tasks}; give one later with `theodoi task assign CODE --unit {code}`",
);
pub const IMPORT_JOINED: Text = t(
    "  {n} tổ chức đảng mới phải thực hiện nhiệm vụ {task} ({title})",
    "  {n:new unit now owes|new units now owe} task {task} ({title})",
);
pub const IMPORT_JOIN_PASSED: Text = t(
    "  {n} tổ chức đảng mới thành lập sau hạn của nhiệm vụ {task}: không giao; nếu vẫn phải thực hiện: `theodoi task assign {task} --missing --due NGÀY`",
    "  {n:new unit was|new units were} founded after task {task} fell due: not given; if they must do it all the same: `theodoi task assign {task} --missing --due DATE`",
);
pub const IMPORT_JOIN_SKIPPED: Text = t(
    "  không giao nhiệm vụ nào (--no-tasks), dù {n} tổ chức đảng mới thuộc phạm vi của: {tasks}; giao sau bằng `theodoi task assign MÃ --missing`",
    "  no task given (--no-tasks), although {n:new unit is|new units are} in the scope of: {tasks}; give one later with `theodoi task assign CODE --missing`",
);
pub const ASSIGNED: Text = t(
    "Đã giao nhiệm vụ {task} cho {unit}, hạn {date}",
    "Gave task {task} to {unit}, due {date}",
);
pub const ASSIGNED_ALREADY: Text = t(
    "{unit} đã có nhiệm vụ {task} (hạn {date}); không giao lại",
    "{unit} owes task {task} already (due {date}); not given again",
);
pub const ASSIGNED_LEFT_OUT: Text = t(
    "không giao cho {unit}: thành lập ngày {founded}, sau hạn {date}; nếu vẫn phải thực hiện: `theodoi task assign {task} --unit {code} --due NGÀY`",
    "not given to {unit}: founded on {founded}, after the due date {date}; if it must do it all the same: `theodoi task assign {task} --unit {code} --due DATE`",
);
pub const ASSIGNED_MORE: Text = t("… và {n} nữa", "… and {n} more");
pub const ASSIGNED_TOTAL: Text = t(
    "Đã giao nhiệm vụ {task} cho {n} {whom} còn thiếu",
    "Gave task {task} to the {n} {whom} that lacked it",
);
pub const JOIN_PASSED_RECORDED: Text = t(
    "  không giao nhiệm vụ {task} ({title}): hạn {date} trước ngày tổ chức đảng được ghi vào danh sách ({founded}; không có --founded); nếu vẫn phải thực hiện: `theodoi task assign {task} --unit {code} --due NGÀY`",
    "  not given task {task} ({title}): due {date}, before the unit was recorded ({founded}; no --founded); if it must do it all the same: `theodoi task assign {task} --unit {code} --due DATE`",
);
const WHOM_UNIT: Text = t("tổ chức đảng", "unit");
const WHOM_UNITS: Text = t("tổ chức đảng", "units");
const WHOM_PERSON: Text = t("cán bộ", "person");
const WHOM_PEOPLE: Text = t("cán bộ", "people");

/// Units or people, as many as `n`.
pub fn whom(people: bool, n: usize) -> Text {
    match (people, n == 1) {
        (false, true) => WHOM_UNIT,
        (false, false) => WHOM_UNITS,
        (true, true) => WHOM_PERSON,
        (true, false) => WHOM_PEOPLE,
    }
}
pub const PERSON_OF_UNIT: Text = t("{name} ({unit})", "{name} ({unit})");
pub const KIND_DUE_MOVED: Text = t(
    "  hạn theo loại mới: nhiệm vụ {task}{person} {from} → {to}",
    "  due as the new kind: task {task}{person} {from} → {to}",
);
pub const KIND_DUE_KEPT_NO_DUE: Text = t(
    "  giữ hạn {date} của nhiệm vụ {task}{person}: nhiệm vụ không có hạn cho {kind}",
    "  kept due date {date} of task {task}{person}: the task sets none for kind {kind}",
);
pub const KIND_DUE_KEPT_EXTENDED: Text = t(
    "  giữ hạn {date} của nhiệm vụ {task}{person}: đã gia hạn",
    "  kept due date {date} of task {task}{person}: it was extended",
);
pub const KIND_DUE_KEPT_BEFORE: Text = t(
    "  giữ hạn {date} của nhiệm vụ {task}{person}: đã đến hạn trước ngày đổi loại",
    "  kept due date {date} of task {task}{person}: it fell due before the change",
);
pub const KIND_DUE_KEPT_NEW_BEFORE: Text = t(
    "  giữ hạn {date} của nhiệm vụ {task}{person}: hạn của {kind} ({new}) trước ngày đổi loại",
    "  kept due date {date} of task {task}{person}: the one for kind {kind} ({new}) is before the change",
);
pub const KIND_PERSON: Text = t(" của {name}", " of {name}");
pub const KIND_LACKING: Text = t(
    "  nhiệm vụ đang thực hiện của {kind} mà tổ chức đảng này chưa được giao: {tasks}; nếu phải thực hiện: `theodoi task assign MÃ --unit {code}`",
    "  open tasks for kind {kind} that the unit does not owe: {tasks}; if it must do one: `theodoi task assign CODE --unit {code}`",
);
pub const TASK_DUE_ITEM: Text = t("{task} (hạn {date})", "{task} (due {date})");
pub const NOT_APPLICABLE_HINT: Text = t(
    "; nếu tổ chức đảng này phải thực hiện thì giao bằng `theodoi task assign {task} --unit {unit}`",
    "; if the unit must do it, give it with `theodoi task assign {task} --unit {unit}`",
);
pub const NOT_APPLICABLE_PERSON_HINT: Text = t(
    "; nếu cán bộ này phải thực hiện thì giao bằng `theodoi task assign {task} --missing`",
    "; if this person must do it, give it with `theodoi task assign {task} --missing`",
);
pub const ASSIGN_NOT_IN_SCOPE: Text = t(
    "{unit} không thuộc phạm vi của nhiệm vụ {task} (các tổ chức đảng thuộc {within}); không giao gì",
    "{unit} is outside the scope of the task {task} (the units under {within}); nothing given",
);
pub const ASSIGN_NO_DUE_FOR_KIND: Text = t(
    "nhiệm vụ {task} không có hạn cho {kind} ({unit}), chỉ cho: {kinds}; cần cho hạn bằng --due NGÀY",
    "the task {task} sets no due date for kind {kind} ({unit}), only for: {kinds}; give one with --due DATE",
);
pub const ASSIGN_DUE_BEFORE_FOUNDED: Text = t(
    "hạn {due} của nhiệm vụ {task} trước ngày thành lập {founded} của {unit}: tổ chức đảng không bị tính quá hạn trước khi thành lập; cần cho hạn từ ngày {founded} trở đi bằng --due NGÀY",
    "the task {task} is due {due}, before {unit} was founded on {founded}: a unit is not late before it exists; give a due date from {founded} with --due DATE",
);
pub const ASSIGN_GIVEN_DUE_BEFORE_FOUNDED: Text = t(
    "hạn --due {due} trước ngày thành lập {founded} của {unit}; cần cho hạn từ ngày {founded} trở đi",
    "--due {due} is before {unit} was founded on {founded}; give a date from {founded}",
);
pub const ASSIGN_NO_PEOPLE: Text = t(
    "nhiệm vụ {task} là của cán bộ, mà {unit} không có cán bộ nào đang giữ chức; thêm cán bộ bằng `theodoi person add`",
    "the task {task} is for people, and {unit} has nobody in post; add them with `theodoi person add`",
);
pub const END_BEFORE_LAST_CHANGE: Text = t(
    "ngày {date} trước lần thay đổi gần nhất của {subject} (từ {limit}); chỉ ghi giải thể hoặc sáp nhập được từ ngày {limit} trở đi",
    "{date} is before the last change of {subject} (from {limit}); it can be dissolved or merged from {limit} on",
);

// Results, spreadsheets and files written with --output.

pub const RESULTS_HEADING: Text = t(
    "Kết quả thực hiện nhiệm vụ “{title}” tính đến ngày {date}",
    "Results of the task “{title}” as of {date}",
);
pub const RESULTS_NONE: Text = t(
    "Trong phạm vi đã chọn, không có tổ chức đảng, cán bộ nào phải thực hiện nhiệm vụ {task}.",
    "Nobody owes the task {task} within what was chosen.",
);
/// `gia hạn đến 20/12/2023 (hạn ban đầu 12/12/2023; lý do: Bí thư đi học)`.
pub const DUE_WITH_REASON: Text = t(
    "{due} ({change}; lý do: {reason})",
    "{due} ({change}; reason: {reason})",
);
pub const TITLE_DIRECTIVES: Text = t("Danh sách văn bản", "Directives");
pub const TITLE_UNITS: Text = t("Danh sách tổ chức đảng", "Units");
pub const TITLE_TASKS: Text = t("Danh sách nhiệm vụ", "Tasks");
pub const TITLE_PEOPLE: Text = t("Danh sách cán bộ", "People");
pub const TITLE_RULES: Text = t("Quy tắc kiểm tra xếp loại", "Rating rules");
pub const INTERRUPTED_REMOVED: Text = t(
    "đã dừng (Ctrl-C): tệp {path} chưa ghi xong nên đã được xóa",
    "stopped (Ctrl-C): {path} was not finished, so it was removed",
);
pub const PEOPLE_ALREADY_RECORDED: Text = t(
    "{n} dòng đã có trong danh sách cán bộ (cùng họ tên, chức vụ, đơn vị và ngày bắt đầu), không nhập lại: dòng {lines}",
    "{n:row is|rows are} in the register already (the same name, position, unit and first day), not imported again: lines {lines}",
);
pub const UNITS_ALREADY_RECORDED: Text = t(
    "{n} dòng đã có trong danh sách tổ chức đảng (cùng tên, loại và cấp trên), không nhập lại: dòng {lines}",
    "{n:row is|rows are} in the tree already (the same name, kind and parent), not imported again: lines {lines}",
);
pub const TITLE_SETTINGS: Text = t(
    "Thông tin cơ quan trên văn bản",
    "What the documents say of the committee",
);
pub const XLSX_AS_OF: Text = t("Tính đến ngày", "As of");
pub const XLSX_TOO_MANY_ROWS: Text = t(
    "bảng có hơn {max} dòng, quá sức chứa của một trang Excel; cần lọc bớt (--within, --kind, --task…) hoặc dùng --format csv",
    "the table has more than {max:row|rows}, more than an Excel sheet holds; narrow it (--within, --kind, --task…) or use --format csv",
);
pub const XLSX_FAILED: Text = t(
    "không tạo được bảng tính Excel: {detail}",
    "could not make the Excel workbook: {detail}",
);
pub const XLSX_NEEDS_OUTPUT: Text = t(
    "định dạng xlsx là một tệp Excel, không hiển thị trên màn hình được; cần cho tên tệp bằng --output TỆP.xlsx (ví dụ --output quahan.xlsx); không ghi gì",
    "--format xlsx makes an Excel file, not something to print: give the file with --output FILE.xlsx (e.g. --output overdue.xlsx); nothing written",
);
pub const OUTPUT_EXISTS: Text = t(
    "tệp {path} đã có; không ghi đè lên. Cần chọn tên khác, hoặc thêm --force để thay bằng tệp mới",
    "file {path} already exists and was left as it is; choose another name, or add --force to replace it",
);
pub const OUTPUT_IS_FOLDER: Text = t(
    "{path} là một thư mục; cần cho tên tệp, ví dụ {path}/baocao.xlsx",
    "{path} is a folder; give a file name, e.g. {path}/report.xlsx",
);
pub const OUTPUT_FAILED: Text = t("không ghi được tệp {path}", "could not write file {path}");
pub const OUTPUT_WRITTEN: Text = t("Đã ghi tệp {path}", "Wrote {path}");
pub const SHEET_TOO_BIG: Text = t(
    "tệp {path} quá lớn (quá {max}); cần chia thành nhiều tệp",
    "file {path} is too large (over {max}); split it into several files",
);
pub const SHEET_TOO_MANY_CELLS: Text = t(
    "{path} có hơn {max} ô có dữ liệu; cần chia thành nhiều tệp",
    "{path} has more than {max:cell|cells} with data; split it into several files",
);
pub const SHEET_OLD_EXCEL: Text = t(
    "tệp {path} là bảng tính Excel 97-2003 (.xls) hoặc có mật khẩu; cần mở bằng Excel (bỏ mật khẩu nếu có) rồi Lưu thành (Save As) kiểu Excel Workbook (.xlsx) hoặc CSV UTF-8",
    "file {path} is an Excel 97-2003 workbook (.xls) or has a password; open it in Excel (remove the password if any) and Save As Excel Workbook (.xlsx) or CSV UTF-8",
);
pub const SHEET_NOT_XLSX: Text = t(
    "không đọc được {path} như một bảng tính Excel (.xlsx); cần mở bằng Excel rồi Lưu thành (Save As) kiểu Excel Workbook (.xlsx) hoặc CSV UTF-8",
    "could not read {path} as an Excel workbook (.xlsx); open it in Excel and Save As Excel Workbook (.xlsx) or CSV UTF-8",
);
pub const SHEET_NOT_WORKBOOK: Text = t(
    "--sheet chỉ dùng cho bảng tính Excel (.xlsx); {path} là tệp văn bản (CSV)",
    "--sheet is for Excel workbooks (.xlsx); {path} is a text (CSV) file",
);
pub const SHEET_NOT_TEXT: Text = t(
    "tệp {path} không phải văn bản UTF-8 hay Windows-1258 (có thể là phông TCVN3/VNI); cần mở trong Excel, Lưu thành (Save As) kiểu CSV UTF-8 (Comma delimited) (*.csv) rồi nhập lại tệp đó",
    "file {path} is neither UTF-8 nor Windows-1258 text (perhaps a TCVN3/VNI font); in Excel, Save As CSV UTF-8 (Comma delimited) (*.csv) and import that file",
);
pub const SHEET_NO_SUCH: Text = t(
    "bảng tính {path} không có trang '{sheet}'; các trang: {sheets}",
    "workbook {path} has no sheet '{sheet}'; its sheets: {sheets}",
);
pub const SHEET_EMPTY: Text = t(
    "{path} không có dòng nào để nhập",
    "{path} has no rows to import",
);
pub const SHEET_SOURCE: Text = t("{path}, trang {sheet}", "{path}, sheet {sheet}");
pub const SHEET_CELL_ERROR: Text = t(
    "ô {cell} có lỗi công thức {error}",
    "cell {cell} holds the formula error {error}",
);
pub const IMPORT_COLUMN_MISSING: Text = t(
    "{path} thiếu cột {column} (tiêu đề cột có thể là: {names}); dòng tiêu đề đọc được: {header}",
    "{path} lacks column {column} (its header may read: {names}); the header line read: {header}",
);
pub const IMPORT_COLUMN_TWICE: Text = t(
    "{path}: hai cột '{first}' và '{second}' cùng là cột {column}; cần xóa hoặc đổi tên một cột",
    "{path}: columns '{first}' and '{second}' both mean {column}; delete or rename one of them",
);
pub const IMPORT_PARENT_AMBIGUOUS: Text = t(
    "cấp trên '{parent}' là tên của nhiều dòng trong tệp (dòng {lines}); cần ghi mã cấp trên",
    "parent '{parent}' is the name of several rows of the file (lines {lines}); give the parent's code",
);
pub const ROW_DATE_NEEDED: Text = t(
    "thiếu ngày hoàn thành (cột 'Ngày hoàn thành' hoặc 'on'): mỗi kết quả phải ghi ngày",
    "no completion date (column 'on' or 'Ngày hoàn thành'): every result needs its date",
);
pub const OUTPUT_NOT_REPLACEABLE: Text = t(
    "không thay {path}: đó là một cơ sở dữ liệu hoặc không phải tệp thường; cần chọn tên tệp khác",
    "{path} is not replaced: it is a database or not a regular file; choose another file name",
);
pub const EXTRACT_HINT_MARK: Text = t("({hint}?)", "({hint}?)");
pub const EXTRACT_NO_KIND_MARK: Text = t(
    "{who} (chưa rõ loại tổ chức đảng)",
    "{who} (unit kind unknown)",
);
pub const EXTRACT_DEADLINE_REFUSED: Text = t(
    "Chưa ghi thời hạn {due} (dòng {line}): thiếu {missing}",
    "Not recorded: the deadline {due} (line {line}) lacks {missing}",
);
pub const EXTRACT_TASK_REFUSED: Text = t(
    "Chưa ghi nhiệm vụ của các thời hạn ở dòng {lines}: thiếu {missing}",
    "No task recorded for the deadlines at line {lines}: {missing} missing",
);
pub const EXTRACT_ASK_ISSUER: Text = t(
    "Cơ quan ban hành {directive}{hint} (Enter: bỏ qua văn bản này): ",
    "Issuer of {directive}{hint} (Enter: skip this directive): ",
);
pub const EXTRACT_ASK_HINT: Text = t(", ký hiệu gợi ý: {hint}", ", the symbol suggests: {hint}");
pub const EXTRACT_ASK_ISSUED_ON: Text = t(
    "Ngày ban hành {directive} (dd/mm/yyyy; Enter: bỏ qua văn bản này): ",
    "Issue date of {directive} (dd/mm/yyyy; Enter: skip this directive): ",
);
pub const EXTRACT_ASK_SUBJECT: Text = t(
    "Trích yếu {directive} (Enter: bỏ qua văn bản này): ",
    "Subject of {directive} (Enter: skip this directive): ",
);
pub const EXTRACT_ASK_KINDS: Text = t(
    "Thời hạn {due} ở dòng {line} ({who}) dành cho loại tổ chức đảng nào? (vd. chi-bo-co-so, dang-bo-co-so; Enter: bỏ qua): ",
    "Which unit kinds is the deadline {due} at line {line} ({who}) for? (e.g. chi-bo-co-so, dang-bo-co-so; Enter: skip): ",
);
pub const EXTRACT_ASK_UNIT: Text = t(
    "Không xác định được tổ chức đảng «{unit}» (thời hạn {due}, dòng {line}); gõ mã hoặc tên đơn vị (Enter: bỏ qua): ",
    "No single unit «{unit}» found (deadline {due}, line {line}); its code or name (Enter: skip): ",
);
pub const EXTRACT_ASK_TITLE: Text = t(
    "Tên nhiệm vụ cho các thời hạn ở dòng {lines} (Enter: bỏ qua): ",
    "Title of the task for the deadlines at line {lines} (Enter: skip): ",
);
pub const EXTRACT_BAD_KIND: Text = t(
    "không có loại tổ chức đảng «{answer}»; các loại: {kinds}",
    "no unit kind «{answer}»; the kinds: {kinds}",
);
pub const EXTRACT_NOT_TEXT: Text = t(
    "{path} không phải văn bản UTF-8; cần lưu trang thành tệp văn bản (.txt, UTF-8) rồi đọc lại",
    "{path} is not UTF-8 text; save the page as a text file (.txt, UTF-8) and read it again",
);
pub const EXTRACT_TOO_LONG: Text = t(
    "{path} quá dài để đọc như một thông báo ({chars} ký tự; tối đa {max} ký tự và {citations} số, ký hiệu văn bản); cần tách thành từng trang",
    "{path} is too long to read as an announcement ({chars:character|characters}; at most {max:character|characters} and {citations} document symbols): split it page by page",
);
pub const BAD_SECRECY: Text = t(
    "độ mật không hợp lệ '{input}'; giá trị hợp lệ: {accepted} (hoặc Mật, Tối mật, Tuyệt mật)",
    "unknown classification '{input}'; accepted: {accepted} (or Mật, Tối mật, Tuyệt mật)",
);
pub const BAD_URGENCY: Text = t(
    "độ khẩn không hợp lệ '{input}'; giá trị hợp lệ: {accepted} (hoặc Khẩn, Thượng khẩn, Hỏa tốc)",
    "unknown urgency '{input}'; accepted: {accepted} (or Khẩn, Thượng khẩn, Hỏa tốc)",
);
pub const SECRET_OUTPUT_OPEN: Text = t(
    "{path} có thể được người khác đọc (quyền rộng hơn 0600): với --show-secret không ghi đè tệp này; cần chạy `chmod 600 {path}`, hoặc ghi ra tệp mới",
    "{path} may be read by others (mode wider than 0600): with --show-secret it is not replaced; run `chmod 600 {path}` or write to a new file",
);
pub const WARN_SHOW_SECRET_PIPE: Text = t(
    "Cảnh báo: với --show-secret, trích yếu văn bản mật được đưa ra ngoài màn hình (vào tệp, lệnh khác hoặc thư)",
    "warning: --show-secret prints the subjects of secret directives to something other than a screen (a file, a pipe, mail)",
);
pub const EXPORT_HAS_SECRET: Text = t(
    "Lưu ý: bản xuất có {n} văn bản mật, giữ nguyên trích yếu (bản sao đầy đủ), cần bảo quản như tài liệu mật",
    "note: the export holds {n:secret directive|secret directives} with their subjects (a full copy): keep it as a secret document",
);
pub const CLAP_NO_VALUE: Text = t(
    "thiếu giá trị sau {arg}; xem `theodoi {cmd}--help`",
    "{arg} needs a value; see `theodoi {cmd}--help`",
);
pub const CLAP_SUGGEST: Text = t(" (có phải {arg} không?)", " (did you mean {arg}?)");
pub const CLAP_VALUE_COUNT: Text = t(
    "số giá trị sau {arg} không đúng; xem `theodoi {cmd}--help`",
    "wrong number of values for {arg}; see `theodoi {cmd}--help`",
);
pub const CLAP_NOT_UTF8: Text = t(
    "tham số không phải văn bản UTF-8; xem `theodoi {cmd}--help`",
    "an argument is not UTF-8 text; see `theodoi {cmd}--help`",
);
pub const DONE_RATING: Text = t("; xếp loại: {rating}", "; rated {rating}");
pub const NO_HTTNV: Text = t("chưa có HTTNV", "no HTTNV");
pub const EXTENDED_TO: Text = t(
    "gia hạn đến {date} (hạn ban đầu {first})",
    "extended to {date} (first due {first})",
);
pub const EXTENDED_UNTIL: Text = t("gia hạn đến {date}", "extended to {date}");
pub const SWITCH_ON: Text = t("bật", "on");
pub const SWITCH_OFF: Text = t("tắt", "off");
/// A rule's value as a table shows it: `on`/`off` said in words (what is
/// typed stays in brackets), numbers as they are.
pub fn switch(value: &str) -> String {
    match value {
        "on" => SWITCH_ON.get().to_string(),
        "off" => SWITCH_OFF.get().to_string(),
        other => other.to_string(),
    }
}
pub const OR: Text = t("hoặc", "or");
pub const NON_STANDARD_CODE: Text = t(
    "{code} (không theo Hướng dẫn số 36-HD/VPTW; nên dùng {standard})",
    "{code} (not in Guidance 36-HD/VPTW, which writes {standard})",
);
pub const DUE_MONTH: Text = t("tháng {month}/{year}", "{month}/{year}");
pub const DUE_YEAR: Text = t("năm {year}", "{year}");
pub const ON_TIME: Text = t("đúng hạn", "on time");
pub const LATE: Text = t("quá hạn", "late");
/// Whether a completion met its due date, after the date it names.
pub fn timing(status: crate::domain::Status) -> Text {
    match status {
        crate::domain::Status::DoneOnTime => ON_TIME,
        crate::domain::Status::DoneLate => LATE,
        other => super::status(other),
    }
}
pub const LOG_FIELD_HIDDEN: Text = t(
    "sửa {field} (ẩn nội dung: {label})",
    "{field} changed (hidden: {label})",
);
pub const WARN_MARK_REMOVED: Text = t(
    "Cảnh báo: {directive} không còn độ mật {mark}: từ nay trích yếu văn bản và tên các nhiệm vụ thuộc văn bản này sẽ hiện trong mọi báo cáo, bảng tính, văn bản và thư",
    "warning: {directive} is no longer marked {mark}: its subject and its tasks' titles now appear in every report, spreadsheet, document and mail",
);
pub const EXTRACT_MARKED: Text = t(
    "đã đánh dấu văn bản {directive}: {marks} (theo thông báo)",
    "marked directive {directive}: {marks} (as the announcement says)",
);
pub const LOG_EXTRACT_MARKED: Text = t(
    "; đánh dấu {directive}: {marks}",
    "; marked {directive}: {marks}",
);
pub const BACKUP_HAS_SECRET: Text = t(
    "Lưu ý: bản sao lưu có {n} văn bản mật, giữ nguyên trích yếu (bản sao đầy đủ), cần bảo quản như tài liệu mật",
    "note: the backup holds {n:secret directive|secret directives} with their subjects (a full copy): keep it as a secret document",
);
pub const SUBJECT_HIDDEN: Text = t(
    "(ẩn: văn bản {mark}; xem bằng `theodoi --show-secret directive show …` hoặc trên màn hình)",
    "(hidden: a {mark} directive; see it with `theodoi --show-secret directive show …` or on a terminal)",
);
pub const EXTRACT_NO_KIND: Text = t("(chưa rõ loại tổ chức đảng)", "(unit kind unknown)");
pub const EXTRACT_ASK_KINDS_UNNAMED: Text = t(
    "Thời hạn {due} ở dòng {line} dành cho loại tổ chức đảng nào? (vd. chi-bo-co-so, dang-bo-co-so; Enter: bỏ qua): ",
    "Which unit kinds is the deadline {due} at line {line} for? (e.g. chi-bo-co-so, dang-bo-co-so; Enter: skip): ",
);
pub const EXTRACT_NO_SUCH_DAY: Text = t(
    "dòng {line}: không có ngày {written} trong lịch; thời hạn này để trống, chưa ghi được",
    "line {line}: the calendar has no day {written}; this deadline is left without a date and cannot be recorded",
);
pub const EXTRACT_NO_YEAR: Text = t(
    "dòng {line}: ngày {written} không rõ năm (trang không có ngày đăng, không có ngày đầy đủ nào trước đó); thời hạn này để trống, chưa ghi được",
    "line {line}: the day {written} has no year (the page gives no date of its own and no full date before it); this deadline is left without a date and cannot be recorded",
);
pub const EXTRACT_NO_SUCH_DAY_MARK: Text =
    t("{written} (không có ngày này)", "{written} (no such day)");
pub const EXTRACT_NO_YEAR_MARK: Text = t("{written} (không rõ năm)", "{written} (year unknown)");
pub const EXTRACT_ASK_DUE: Text = t(
    "Thời hạn «{written}» ở dòng {line} không phải ngày có thật; hạn đúng là ngày nào? (vd. 28/02/2023; Enter: bỏ qua): ",
    "The deadline «{written}» at line {line} is no real day; what is the right date? (e.g. 28/02/2023; Enter: skip): ",
);
pub const EXTRACT_REFUSED: Text = t(
    "không ghi gì vào cơ sở dữ liệu: {reasons}",
    "nothing recorded: {reasons}",
);
pub const EXTRACT_ASK_DUE_YEAR: Text = t(
    "Thời hạn «{written}» ở dòng {line} không rõ năm; hạn đúng là ngày nào? (vd. 25/03/2024; Enter: bỏ qua): ",
    "The deadline «{written}» at line {line} has no year; what is the right date? (e.g. 25/03/2024; Enter: skip): ",
);
pub const KEY_NEEDED: Text = t(
    "{path} đã được mã hóa (hoặc không phải tệp SQLite thường) mà chưa có khóa; không thay đổi gì. Cần đặt THEODOI_KEY_FILE là đường dẫn tệp khóa (quyền 0600), hoặc chạy lệnh trong cửa sổ dòng lệnh để gõ khóa",
    "{path} is encrypted (or not a plain SQLite file) and no key was given; nothing changed. Set THEODOI_KEY_FILE to the path of a key file (mode 0600), or run the command on a terminal to type the key",
);
pub const WRONG_KEY: Text = t(
    "khóa không mở được {path}: sai khóa, hoặc tệp không phải cơ sở dữ liệu theodoi; không thay đổi gì. Cần dùng đúng khóa đã dùng khi mã hóa (tệp THEODOI_KEY_FILE, hoặc khóa gõ trong cửa sổ dòng lệnh)",
    "the key does not open {path}: a wrong key, or a file that is no theodoi database; nothing changed. Use the key it was encrypted with (the THEODOI_KEY_FILE file, or the key typed on a terminal)",
);
pub const KEY_SOURCE_FILE: Text = t(
    "tệp khóa {path} (THEODOI_KEY_FILE)",
    "key file {path} (THEODOI_KEY_FILE)",
);
pub const KEY_SOURCE_TYPED: Text = t("khóa đã gõ", "the key typed");
pub const KEY_UNREADABLE: Text = t(
    "không đọc được {source}: {reason}; không thay đổi gì",
    "cannot read {source}: {reason}; nothing changed",
);
pub const KEY_MODE: Text = t(
    "{source} có quyền {mode}, người khác đọc hoặc ghi được; chỉ nhận tệp quyền 0600 (chạy `chmod 600 {path}`); không thay đổi gì",
    "{source} has mode {mode}, open to others; only a file of mode 0600 is accepted (run `chmod 600 {path}`); nothing changed",
);
pub const KEY_EMPTY: Text = t(
    "{source} trống; cần một dòng: cụm mật khẩu, hoặc 64 chữ số hex; không thay đổi gì",
    "{source} is empty; one line is needed: a passphrase, or 64 hex digits; nothing changed",
);
pub const KEY_NOT_TEXT: Text = t(
    "{source} không phải một dòng văn bản UTF-8 (có byte lạ, ký tự điều khiển hoặc nhiều dòng); cần một dòng: cụm mật khẩu, hoặc 64 chữ số hex; không thay đổi gì",
    "{source} is not one line of UTF-8 text (stray bytes, a control character or several lines); one line is needed: a passphrase, or 64 hex digits; nothing changed",
);
pub const KEY_TOO_LONG: Text = t(
    "{source} dài quá {max} byte; cần một dòng: cụm mật khẩu, hoặc 64 chữ số hex; không thay đổi gì",
    "{source} is longer than {max:byte|bytes}; one line is needed: a passphrase, or 64 hex digits; nothing changed",
);
pub const KEY_TOO_SHORT: Text = t(
    "{source} quá ngắn cho một khóa mới: cần cụm mật khẩu từ {min} ký tự, hoặc 64 chữ số hex; không thay đổi gì",
    "{source} is too short for a new key: a passphrase of {min:character|characters} or more is needed, or 64 hex digits; nothing changed",
);
pub const KEYS_DIFFER: Text = t(
    "hai lần nhập khóa không giống nhau; không thay đổi gì",
    "the two keys typed differ; nothing changed",
);
pub const ALREADY_ENCRYPTED: Text = t(
    "{path} đã được mã hóa (hoặc không phải tệp SQLite thường); không thay đổi gì. Muốn đổi khóa: `theodoi decrypt` rồi `theodoi encrypt`",
    "{path} is encrypted already (or not a plain SQLite file); nothing changed. To change the key: `theodoi decrypt`, then `theodoi encrypt`",
);
pub const NOT_ENCRYPTED: Text = t(
    "{path} là cơ sở dữ liệu chưa mã hóa; không thay đổi gì. Muốn mã hóa thì chạy `theodoi encrypt`",
    "{path} is a database that is not encrypted; nothing changed. To encrypt it, run `theodoi encrypt`",
);
pub const DB_IN_USE: Text = t(
    "{path} đang được một chương trình khác mở (một lệnh theodoi khác, sqlite3…); không thay đổi gì. Cần đóng chương trình đó rồi chạy lại",
    "{path} is open in another program (another theodoi command, sqlite3…); nothing changed. Close it and run this again",
);
pub const CONVERSION_FAILED: Text = t(
    "bản chuyển đổi của {path} không qua được kiểm tra ({detail}); đã xóa bản đó, tệp cũ giữ nguyên",
    "the converted copy of {path} failed its check ({detail}); it was removed and the database left as it was",
);
pub const CONVERSION_ROWS: Text = t(
    "bảng {table} có {found} bản ghi thay vì {expected}",
    "table {table} has {found:record|records} instead of {expected}",
);
pub const CONVERSION_FORM: Text = t(
    "bản sao không ở dạng cần có (mã hóa hay không)",
    "the copy is not in the form asked (encrypted or plain)",
);
pub const KEY_PROMPT: Text = t("Khóa của {path}: ", "Key of {path}: ");
pub const KEY_PROMPT_NEW: Text = t("Khóa mới cho {path}: ", "New key for {path}: ");
pub const KEY_PROMPT_AGAIN: Text = t("Nhập lại khóa: ", "The key again: ");
pub const KEY_UNUSED: Text = t(
    "Cảnh báo: THEODOI_KEY_FILE đặt là {file} nhưng {path} không được mã hóa: khóa không được dùng (mã hóa bằng `theodoi encrypt`)",
    "warning: THEODOI_KEY_FILE is set to {file} but {path} is not encrypted: the key is not used (encrypt it with `theodoi encrypt`)",
);
pub const EXPORT_PLAIN: Text = t(
    "Lưu ý: cơ sở dữ liệu được mã hóa, nhưng tệp xuất là JSON thường, ai có tệp cũng đọc được mọi tên, ký hiệu và trích yếu; tệp chỉ chủ sở hữu đọc được (0600), cần giữ kín",
    "note: the database is encrypted, but an export is plain JSON: whoever has the file reads every name, symbol and title; it is made readable by its owner only (0600): keep it safe",
);
pub const INIT_CREATED_ENCRYPTED: Text = t(
    "Đã tạo cơ sở dữ liệu mã hóa {path}",
    "Created encrypted database {path}",
);
pub const ENCRYPTED_DONE: Text = t(
    "Đã mã hóa {path} ({rows} bản ghi, đã kiểm tra); từ nay mỗi lệnh cần khóa (tệp khóa THEODOI_KEY_FILE, hoặc gõ khóa trong cửa sổ dòng lệnh). Các bản sao lưu và tệp xuất làm trước đó vẫn ở dạng thường",
    "Encrypted {path} ({rows:record|records}, checked); every command now needs the key (THEODOI_KEY_FILE, or typed on a terminal). Backups and exports made before stay plain",
);
pub const DECRYPTED_DONE: Text = t(
    "Đã giải mã {path} ({rows} bản ghi, đã kiểm tra); từ nay mở tệp không cần khóa",
    "Decrypted {path} ({rows:record|records}, checked); the file now opens without a key",
);
pub const KEY_NOT_A_FILE: Text = t(
    "{source} không phải tệp thường (thiết bị, đường ống…): khóa phải nằm trong một tệp thường, chỉ người dùng đọc được (quyền 0600)",
    "{source} is not a regular file (a device, a pipe…): the key must be in a regular file only its owner reads (mode 0600)",
);
pub const DB_LINKED: Text = t(
    "{path} là một liên kết, hoặc tệp còn có tên khác: không mã hóa hay giải mã qua đường dẫn này (chỉ tên này được thay, các tên khác vẫn chỉ tệp cũ); cần dùng đường dẫn thật của tệp và xóa các tên khác",
    "{path} is a link, or the file has another name: it is not encrypted or decrypted through it (only this name would be replaced); use the file's own path and remove the other names",
);
pub const DEMO_ENCRYPTED: Text = t(
    "{path} đã được mã hóa: không thay bằng bản mẫu không mã hóa; dựng lại bằng `theodoi demo --encrypt --db {path}`, hoặc chọn tệp khác",
    "{path} is encrypted: it is not replaced by a plain demo; build it again with `theodoi demo --encrypt --db {path}`, or choose another file",
);
pub const DONE_DRY_RUN: Text = t(
    "Chạy thử (--dry-run), chưa ghi gì. Nếu ghi thật, sẽ là:\n{message}",
    "Dry run (--dry-run), nothing recorded. Recorded for real, it would be:\n{message}",
);
pub const PG_CONNECT: Text = t(
    "không kết nối được tới cơ sở dữ liệu PostgreSQL {address}: {reason}",
    "cannot connect to PostgreSQL database {address}: {reason}",
);
pub const PG_FOREIGN: Text = t(
    "cơ sở dữ liệu PostgreSQL {address} đã có bảng của chương trình khác, không phải của theodoi; không thay đổi gì. Cần tạo một cơ sở dữ liệu trống cho theodoi, hoặc kiểm tra --db hoặc THEODOI_DB",
    "PostgreSQL database {address} has another program's tables, not theodoi's; nothing changed. Create an empty database for theodoi, or check --db or THEODOI_DB",
);
pub const PG_BACKUP: Text = t(
    "không sao lưu được {address} bằng theodoi: cơ sở dữ liệu nằm trên máy chủ PostgreSQL; sao lưu bằng pg_dump (hoặc dùng `theodoi export`)",
    "theodoi does not back up {address}: the database is on a PostgreSQL server; back it up with pg_dump (or use `theodoi export`)",
);
pub const PG_ENCRYPT: Text = t(
    "{address} nằm trên máy chủ PostgreSQL: mã hóa, giải mã chỉ dành cho tệp SQLite; trên máy chủ, cần bảo vệ bằng quyền truy cập và kết nối mã hóa (TLS)",
    "{address} is on a PostgreSQL server: encrypt and decrypt are for SQLite files; on a server, protect it with access rights and encrypted connections (TLS)",
);
pub const COPY_DONE: Text = t(
    "Đã chép {n} bản ghi từ {from} sang {to}",
    "Copied {n:record|records} from {from} to {to}",
);
pub const COPY_NOT_EMPTY: Text = t(
    "{path} đã có dữ liệu: chỉ chép vào một cơ sở dữ liệu trống (tệp SQLite chưa có, hoặc cơ sở dữ liệu chưa có đơn vị, văn bản, nhật ký); không thay đổi gì",
    "{path} already holds data: a copy goes only into an empty database (an SQLite file not there yet, or a database with no unit, directive or log); nothing changed",
);
pub const COPY_SAME: Text = t(
    "--from và --to cùng là {path}; cần chép sang một cơ sở dữ liệu khác",
    "--from and --to are both {path}: copy into another database",
);
pub const COPY_PLAIN: Text = t(
    "Lưu ý: {from} được mã hóa, còn bản chép ở {to} thì không: ai đọc được nó là đọc được mọi tên, ký hiệu và trích yếu; cần bảo vệ bản chép bằng quyền truy cập (hoặc chép vào một tệp đã tạo bằng `theodoi init --encrypt`)",
    "note: {from} is encrypted, but the copy in {to} is not: whoever can read it reads every name, symbol and title; protect it with access rights (or copy into a file made with `theodoi init --encrypt`)",
);
/// What is recorded as the actor when no name was given and the login name
/// is unknown: kept as it is in the database and in JSON/CSV.
pub const ACTOR_UNKNOWN_MARK: &str = "?";
pub const ACTOR_UNKNOWN: Text = t("(không rõ tên)", "(name unknown)");
/// The actor of a change as a person reads it: `(không rõ tên)` for the
/// mark of an unknown one.
pub fn actor_name(actor: &str) -> String {
    if actor == ACTOR_UNKNOWN_MARK {
        ACTOR_UNKNOWN.get().to_string()
    } else {
        actor.to_string()
    }
}
pub const KEY_CREATED: Text = t(
    "Đã tạo tệp khóa {path} (64 chữ số hex, chỉ chủ tệp đọc được); dùng bằng THEODOI_KEY_FILE={path}. Nên cất một bản ở nơi khác: mất khóa là mất dữ liệu",
    "Created key file {path} (64 hex digits, readable by its owner only); use it with THEODOI_KEY_FILE={path}. Keep a copy elsewhere: a lost key is lost data",
);
pub const KEY_FILE_EXISTS: Text = t(
    "tệp {path} đã có, có thể là khóa đang dùng; không ghi đè. Cần chọn tên tệp khác",
    "{path} already exists, perhaps a key in use; it is not replaced. Choose another file name",
);
pub const KEY_RANDOM_FAILED: Text = t(
    "không lấy được số ngẫu nhiên từ hệ điều hành ({detail}); không tạo khóa",
    "could not get random bytes from the system ({detail}); no key made",
);
pub const BAD_ADDRESS: Text = t(
    "'{text}' không phải địa chỉ cơ sở dữ liệu dùng được: địa chỉ PostgreSQL viết postgres://NGƯỜI_DÙNG@MÁY_CHỦ/TÊN_CSDL hoặc host=… dbname=… user=… (các khóa của libpq, viết thường); tệp SQLite thì ghi đường dẫn của tệp. Không ghi gì",
    "'{text}' is not a database address theodoi can use: a PostgreSQL address is postgres://USER@HOST/DBNAME or host=… dbname=… user=… (libpq's keys, in lower case); an SQLite file is its path. Nothing written",
);
pub const PG_NO_ANSWER: Text = t(
    "máy chủ {address} không trả lời sau {seconds} giây (có thể sai cổng, hoặc máy chủ đang bận); không ghi gì. Chờ lâu hơn: thêm connect_timeout=GIÂY vào địa chỉ hoặc đặt PGCONNECT_TIMEOUT",
    "no answer from {address} within {seconds:second|seconds} (a wrong port, or a busy server); nothing written. To wait longer: add connect_timeout=SECONDS to the address or set PGCONNECT_TIMEOUT",
);
pub const STATUS_ONE_DAY_LATE: Text = t("Chưa hoàn thành, quá hạn 1 ngày", "Overdue by 1 day");
pub const DAYS: Text = t("{n} ngày", "{n:day|days}");
pub const ONE_DAY: Text = t("1 ngày", "1 day");
pub const DONE_NOT_RATED: Text = t("; không xếp loại ({reason})", "; not rated ({reason})");
pub const DONE_ALREADY_RATED: Text = t(", xếp loại: {rating}", ", rated {rating}");
pub const DONE_ALREADY_NOT_RATED: Text = t(", không xếp loại", ", not rated");
pub const ORDER_RULE: Text = t(
    "theo quy tắc Cấp dưới hoàn thành trước",
    "by the rule Lower levels first",
);
pub const UNITS_MORE: Text = t(
    " … và {n} tổ chức đảng khác",
    " … and {n:more unit|more units}",
);
/// The count above `overdue`: rows are a unit (or a person) on a task.
pub const OVERDUE_COUNTED: Text = t(
    "Số trường hợp chưa hoàn thành, quá hạn tính đến ngày {date}: {n} ({who})",
    "Overdue as of {date}: {n:case|cases} ({who})",
);
pub const UPCOMING_COUNTED: Text = t(
    "Số trường hợp sắp đến hạn trong {days} ngày tính từ ngày {date}: {n} ({who})",
    "Falling due within {days:day|days} of {date}: {n:case|cases} ({who})",
);
pub const AGENDA_COUNTED: Text = t(
    "Nhiệm vụ của {unit} tính đến ngày {date}: {n} lượt ({tasks} nhiệm vụ)",
    "Tasks of {unit} as of {date}: {n:assignment|assignments} ({tasks:task|tasks})",
);
pub const COUNT_UNITS: Text = t("{n} tổ chức đảng", "{n:unit|units}");
pub const COUNT_PEOPLE: Text = t("{n} cán bộ", "{n:person|people}");
pub const COUNT_TASKS: Text = t("{n} nhiệm vụ", "{n:task|tasks}");

pub const DIRECTIVES_MORE: Text = t(
    " … và {n} văn bản khác",
    " … and {n:more directive|more directives}",
);
pub const TASKS_MORE: Text = t(" … và {n} nhiệm vụ khác", " … and {n:more task|more tasks}");
pub const PEOPLE_MORE: Text = t(
    " … và {n} cán bộ khác",
    " … and {n:more person|more people}",
);
/// Several directives of one date: told apart by number and symbol.
pub const DIRECTIVE_AMBIGUOUS_SYMBOL: Text = t(
    "'{input}' ứng với nhiều văn bản; cần ghi số, ký hiệu để chỉ rõ văn bản nào (ví dụ '{example}'): {candidates}",
    "'{input}' matches several directives; give the number and symbol to choose (e.g. '{example}'): {candidates}",
);

pub const UNIT_NAME_TAKEN: Text = t(
    "cấp trên đã có {name} ({code}); không ghi gì. Nếu đúng là hai tổ chức đảng trùng tên thì thêm --same-name",
    "the parent already has {name} ({code}); nothing written. If these are two units of one name, add --same-name",
);

pub const NOT_JSON_AT: Text = t(
    "tệp {path} không phải JSON hợp lệ: lỗi ở dòng {line}, cột {column}",
    "file {path} is not valid JSON: error at line {line}, column {column}",
);

/// A word or value left over on the command line (`--on hôm qua`).
pub const CLAP_EXTRA_ARG: Text = t(
    "thừa tham số '{arg}' (giá trị có dấu cách thì đặt trong ngoặc kép); xem `theodoi {cmd}--help`",
    "unexpected argument '{arg}' (put a value with spaces in quotes); see `theodoi {cmd}--help`",
);

/// What a revocation, replacement or dissolution stopped tracking: each
/// unit on each open task is one `trường hợp`.
pub const STOPPED_TRACKING: Text = t(
    "dừng theo dõi {n} trường hợp chưa hoàn thành",
    "{n:open obligation|open obligations} no longer tracked",
);
pub const STOPPED_NOTHING: Text = t(
    "không có trường hợp nào chưa hoàn thành để dừng theo dõi",
    "nothing open to stop tracking",
);
/// `STOPPED_TRACKING`, or `STOPPED_NOTHING` for none.
pub fn stopped_tracking(n: usize) -> String {
    match n {
        0 => STOPPED_NOTHING.get().to_string(),
        n => super::tr!(STOPPED_TRACKING, n = n),
    }
}

pub const OFFICE_NEEDS_SERVER: Text = t(
    "{path} là tệp SQLite: văn phòng (tài khoản của cấp ủy cấp dưới, mỗi văn phòng chỉ ghi cho đơn vị mình) chỉ có trên máy chủ PostgreSQL; không ghi gì. Xem README, mục PostgreSQL",
    "{path} is an SQLite file: offices (logins of the committees below, each writing only for its own units) need a PostgreSQL server; nothing written. See the README, section PostgreSQL",
);
pub const OFFICE_OUTSIDE: Text = t(
    "văn phòng «{office}» không được ghi cho {unit}: đơn vị này ngoài phạm vi của văn phòng ({scope} và các đơn vị trực thuộc); không ghi gì",
    "office «{office}» may not write for {unit}: it is outside the office's units ({scope} and the units under it); nothing written",
);
pub const OFFICE_NOT_ALLOWED: Text = t(
    "văn phòng «{office}» chỉ ghi hoàn thành, gia hạn, xếp loại và nhân sự của {scope} và các đơn vị trực thuộc; việc này do cán bộ Ban Tổ chức (chủ cơ sở dữ liệu) làm; không ghi gì",
    "office «{office}» records only completions, extensions, ratings and people of {scope} and the units under it; this change is for the Organization Committee's clerk (the owner of the database); nothing written",
);
pub const OFFICE_READ_ONLY: Text = t(
    "tài khoản {login} («{office}») chỉ được đọc; không ghi gì",
    "login {login} («{office}») may only read; nothing written",
);
pub const OFFICE_NOT_OWNER: Text = t(
    "chỉ {owner}, chủ cơ sở dữ liệu (tài khoản đã chạy theodoi init), mới quản lý văn phòng; {login} thì không; không ghi gì",
    "only {owner}, the owner of the database (the login that ran theodoi init), administers offices, not {login}; nothing written",
);
pub const OFFICE_TAKEN: Text = t(
    "đã có văn phòng tên «{name}» (tài khoản {login}); không ghi gì. Xem: theodoi office list",
    "an office named «{name}» (login {login}) exists already; nothing written. See: theodoi office list",
);
pub const OFFICE_NOT_FOUND: Text = t(
    "không có văn phòng nào tên hoặc tài khoản «{name}»; xem: theodoi office list",
    "no office has the name or login «{name}»; see: theodoi office list",
);
pub const OFFICE_BAD_LOGIN: Text = t(
    "'{login}' không phải tên tài khoản dùng được: chữ thường không dấu, chữ số và dấu _, bắt đầu bằng chữ hoặc _, tối đa 63 ký tự; không ghi gì",
    "'{login}' is not a login name theodoi takes: lower-case letters without accents, digits and _, starting with a letter or _, at most 63 characters; nothing written",
);
pub const OFFICE_OWNER_LOGIN: Text = t(
    "{login} là chủ cơ sở dữ liệu, được làm mọi việc: không làm văn phòng được; cần dùng tài khoản khác",
    "{login} owns the database and may do everything: it cannot be an office; use another login",
);
pub const OFFICE_ADDED: Text = t(
    "Đã thêm văn phòng «{name}»: tài khoản {login} ghi hoàn thành, gia hạn, xếp loại và nhân sự cho {unit} và các đơn vị trực thuộc, đọc được mọi thứ",
    "Added office «{name}»: login {login} records completions, extensions, ratings and people for {unit} and the units under it, and reads everything",
);
pub const OFFICE_READER_ADDED: Text = t(
    "Đã thêm «{name}»: tài khoản {login} chỉ đọc",
    "Added «{name}»: login {login} may only read",
);
pub const OFFICE_LOGIN_MADE: Text = t(
    "Đã tạo tài khoản {login} trên máy chủ, chưa có mật khẩu: người quản trị máy chủ đặt mật khẩu trong psql bằng \\password {login}",
    "Made login {login} on the server, with no password yet: the server's administrator sets one in psql with \\password {login}",
);
pub const OFFICE_REMOVED: Text = t(
    "Đã bỏ văn phòng «{name}»: tài khoản {login} không còn quyền gì trên cơ sở dữ liệu này (tài khoản vẫn còn trên máy chủ)",
    "Removed office «{name}»: login {login} has no rights on this database any more (the login stays on the server)",
);
pub const OFFICE_NONE: Text = t(
    "Chưa có văn phòng nào. Thêm: theodoi office add TÊN --unit ĐƠN_VỊ --login TÀI_KHOẢN",
    "No office yet. Add one: theodoi office add NAME --unit UNIT --login LOGIN",
);
pub const OFFICE_READS_ONLY: Text = t("chỉ đọc", "reads only");
pub const H_OFFICE: Text = t("Văn phòng", "Office");
pub const H_LOGIN: Text = t("Tài khoản", "Login");
pub const H_OFFICE_UNITS: Text = t("Ghi cho", "Writes for");
pub const OFFICES_HEADING: Text = t("Các văn phòng", "Offices");
pub const LOG_LOGIN: Text = t("{actor} (tài khoản {login})", "{actor} (login {login})");
pub const OFFICE_UNDO_OTHERS: Text = t(
    "văn phòng «{office}» chỉ hoàn tác thay đổi của chính mình; thay đổi #{id} do tài khoản khác ghi; không ghi gì",
    "office «{office}» may undo only its own changes; change #{id} was made by another login; nothing written",
);
pub const UNDO_OUTSIDE_OFFICE: Text = t(
    "không hoàn tác thay đổi #{id}: thay đổi này do văn phòng «{office}» ghi nhưng có dòng ngoài phạm vi của văn phòng ({scope} và các đơn vị trực thuộc); không ghi gì",
    "change #{id} not undone: it was made by office «{office}» but has rows outside the office's units ({scope} and the units under it); nothing written",
);
pub const OFFICE_ASK_ASSIGN: Text = t(
    "; nếu phải thực hiện thì đề nghị cán bộ Ban Tổ chức giao nhiệm vụ",
    "; if it must be done, ask the Organization Committee's clerk to assign the task",
);
pub const RATING_NOT_RATED_TASK_OFFICE: Text = t(
    "nhiệm vụ {task} không có xếp loại nên không ghi --rating, --not-rated; nếu nhiệm vụ cần xếp loại, đề nghị cán bộ Ban Tổ chức sửa",
    "the task {task} is not rated, so --rating and --not-rated do not apply; if it should be rated, ask the Organization Committee's clerk",
);
pub const UNDO_LATER_CHANGE_OFFICE: Text = t(
    "không hoàn tác được thay đổi #{id}: thay đổi #{later} sau đó (không phải của văn phòng) đã sửa cùng bản ghi; đề nghị cán bộ Ban Tổ chức hoàn tác #{later} trước",
    "cannot undo change #{id}: the later change #{later} (not the office's) touched the same records; ask the Organization Committee's clerk to undo #{later} first",
);
pub const LOGIN_NO_RIGHTS: Text = t(
    "tài khoản {login} không còn quyền trên cơ sở dữ liệu này (văn phòng đã bị bỏ hoặc chưa được cấp quyền); liên hệ Ban Tổ chức",
    "login {login} has no rights on this database any more (its office was removed or never granted); ask the Organization Committee",
);
pub const OFFICE_LOGIN_TAKEN: Text = t(
    "tài khoản {login} đã là tài khoản của văn phòng «{office}» (mỗi tài khoản chỉ của một văn phòng); không ghi gì. Xem: theodoi office list",
    "login {login} is already the login of office «{office}» (one office per login); nothing written. See: theodoi office list",
);

pub const PG_TLS_BAD_MODE: Text = t(
    "sslmode={mode} không dùng được để kết nối tới {address}: sslmode là disable, prefer, require, verify-ca hoặc verify-full (trong địa chỉ hoặc biến PGSSLMODE); không ghi gì",
    "sslmode={mode} cannot be used to connect to {address}: sslmode is disable, prefer, require, verify-ca or verify-full (in the address or PGSSLMODE); nothing written",
);
pub const PG_TLS_NO_ROOT: Text = t(
    "sslmode={mode} cần chứng chỉ gốc để kiểm tra máy chủ {address} mà không có tệp {path}; cần thêm sslrootcert=TỆP (tệp quản trị viên đưa) vào địa chỉ hoặc đặt PGSSLROOTCERT; không ghi gì",
    "sslmode={mode} needs a root certificate to check server {address}, and there is no {path}; add sslrootcert=FILE (the administrator's file) to the address or set PGSSLROOTCERT; nothing written",
);
pub const PG_TLS_BAD_ROOT: Text = t(
    "không dùng được tệp chứng chỉ gốc {path} (sslrootcert) để kết nối tới {address}{detail}: cần một tệp PEM có chứng chỉ; không ghi gì",
    "cannot use root certificate file {path} (sslrootcert) to connect to {address}{detail}: a PEM file with certificates is needed; nothing written",
);
pub const PG_TLS_NOT_OFFERED: Text = t(
    "máy chủ {address} không nhận kết nối mã hóa (TLS) mà sslmode={mode} đòi hỏi; không ghi gì. Cần quản trị viên bật ssl trên máy chủ",
    "server {address} does not offer the encrypted connection (TLS) that sslmode={mode} requires; nothing written. Ask the administrator to turn ssl on",
);
pub const PG_TLS_UNTRUSTED: Text = t(
    "chứng chỉ của máy chủ {address} {why}; không kết nối, không ghi gì. Có thể sai tệp sslrootcert, hoặc đây không phải máy chủ thật: cần hỏi quản trị viên",
    "the certificate of server {address} {why}; not connected, nothing written. The sslrootcert file may be the wrong one, or this is not the real server: ask the administrator",
);
pub const CERT_ISSUER: Text = t(
    "không được chứng chỉ gốc {root} xác nhận",
    "is not vouched for by root certificate {root}",
);
pub const CERT_EXPIRED: Text = t("đã hết hạn", "has expired");
pub const CERT_NOT_YET_VALID: Text = t("chưa đến ngày có hiệu lực", "is not valid yet");
pub const CERT_OTHER: Text = t("không được chấp nhận ({detail})", "is refused ({detail})");
pub const PG_TLS_WRONG_NAME: Text = t(
    "chứng chỉ của máy chủ {address} không mang tên {host} (sslmode=verify-full); không kết nối, không ghi gì. Cần kết nối bằng đúng tên máy chủ ghi trong chứng chỉ, hoặc hỏi quản trị viên",
    "the certificate of server {address} is not for the name {host} (sslmode=verify-full); not connected, nothing written. Connect with the server's name as its certificate says, or ask the administrator",
);
pub const PG_TLS_OTHER: Text = t(
    "không lập được kết nối mã hóa (TLS) tới {address}: {detail}; không ghi gì",
    "no encrypted connection (TLS) to {address}: {detail}; nothing written",
);
pub const PG_PASSWORD_MISSING: Text = t(
    "máy chủ {address} đòi mật khẩu của người dùng {user} mà chưa có: ghi vào {passfile} (chỉ chủ tệp đọc được; mỗi dòng máy:cổng:cơ-sở-dữ-liệu:người-dùng:mật-khẩu) hoặc đặt biến PGPASSWORD; không ghi gì",
    "server {address} asks for the password of user {user} and none was found: put it in {passfile} (readable by its owner only; lines host:port:database:user:password) or set PGPASSWORD; nothing written",
);
pub const PG_WRONG_PASSWORD: Text = t(
    "sai mật khẩu của người dùng {user} trên máy chủ {address}; cần sửa trong {passfile} hoặc biến PGPASSWORD; không ghi gì",
    "password authentication failed for user {user} on server {address}; correct it in {passfile} or PGPASSWORD; nothing written",
);
pub const PG_NO_ROLE: Text = t(
    "máy chủ {address} không có người dùng {user}; cần quản trị viên tạo (createuser {user}), hoặc sửa user= trong địa chỉ hay biến PGUSER; không ghi gì",
    "server {address} has no user {user}; ask the administrator to create it (createuser {user}), or correct user= in the address or PGUSER; nothing written",
);
pub const PG_NO_DATABASE: Text = t(
    "máy chủ chưa có cơ sở dữ liệu {db} ({address}); quản trị viên tạo bằng `createdb {db}` rồi chạy `theodoi init`, hoặc sửa tên cơ sở dữ liệu trong địa chỉ hay biến PGDATABASE; không ghi gì",
    "the server has no database {db} ({address}); the administrator creates it with `createdb {db}`, then runs `theodoi init`; or correct the database name in the address or PGDATABASE; nothing written",
);
pub const PG_NOT_ALLOWED: Text = t(
    "máy chủ {address} không cho người dùng {user} từ máy này vào cơ sở dữ liệu {db} (quy tắc pg_hba.conf; có thể máy chủ chỉ nhận kết nối mã hóa, sslmode=require); cần hỏi quản trị viên; không ghi gì",
    "server {address} lets user {user} from this machine into database {db} by none of its rules (pg_hba.conf; it may take encrypted connections only, sslmode=require); ask the administrator; nothing written",
);
pub const PG_TOO_MANY: Text = t(
    "máy chủ {address} đã đủ số kết nối; có thể thử lại sau ít phút; không ghi gì",
    "server {address} has as many connections as it takes; try again in a few minutes; nothing written",
);
pub const PG_DENIED: Text = t(
    "người dùng {user} không có quyền làm việc này trên {address}{what}; không ghi gì. Cần quản trị viên cấp quyền",
    "user {user} has no right to do this on {address}{what}; nothing written. Ask the administrator for the right",
);
pub const PG_DENIED_ON: Text = t(" (bảng {name})", " (table {name})");
pub const PG_CLOSED: Text = t(
    "máy chủ {address} đã đóng kết nối (khởi động lại, tắt, hoặc quản trị viên ngắt); việc đang ghi dở không được ghi. Có thể chạy lại lệnh",
    "server {address} closed the connection (restarted, shut down, or ended by the administrator); nothing half-written was kept. Run the command again",
);
pub const PG_LOCK_TIMEOUT: Text = t(
    "đã chờ quá {limit} trên {address}: một chương trình khác đang giữ dữ liệu cần dùng; không ghi gì. Cần thử lại sau; muốn chờ lâu hơn thì thêm options='-c lock_timeout=120s' vào địa chỉ hoặc đặt PGOPTIONS",
    "waited more than {limit} on {address}: another program holds the data needed; nothing written. Try again later; to wait longer: add options='-c lock_timeout=120s' to the address or set PGOPTIONS",
);
pub const PG_CONFLICT: Text = t(
    "việc ghi vào {address} va chạm với việc ghi khác cùng lúc, đã thử {tries} lần; không ghi gì. Có thể chạy lại lệnh",
    "the write to {address} met other writes at the same time, {tries} tries; nothing written. Run the command again",
);
pub const DIRECTIVE_TOO_LONG: Text = t(
    "số, ký hiệu văn bản '{input}' dài {len} ký tự, quá giới hạn {max} ký tự; không ghi gì",
    "directive number or symbol '{input}' is {len} characters long, more than {max}; nothing written",
);
pub const IMPORT_NOT_EMPTY_PG: Text = t(
    "{db} đã có dữ liệu mà chỉ nhập được vào cơ sở dữ liệu trống; không ghi gì. Cần quản trị viên tạo cơ sở dữ liệu mới (createdb TÊN_MỚI) rồi nhập: `theodoi --db postgres://MÁY_CHỦ/TÊN_MỚI import {path}`",
    "{db} has records, and import is only into an empty database; nothing written. Ask the administrator for a new database (createdb NEW_NAME), then: `theodoi --db postgres://HOST/NEW_NAME import {path}`",
);
pub const DEMO_NOT_DEMO_PG: Text = t(
    "{path} trên máy chủ đã có dữ liệu, không phải cơ sở dữ liệu mẫu; lệnh demo không xóa, không ghi đè. Muốn xem bản mẫu: `theodoi demo --db mau.db` (một tệp riêng), hoặc một cơ sở dữ liệu trống khác",
    "{path} on the server has records and is no demo; demo neither clears nor overwrites it. To see the demo: `theodoi demo --db demo.db` (a file of its own), or another, empty database",
);

/// `office add` of a superuser or another login the server's limits do
/// not bind.
pub const OFFICE_UNBOUND_LOGIN: Text = t(
    "tài khoản {login} là tài khoản quản trị máy chủ (hoặc có quyền của chủ cơ sở dữ liệu), giới hạn theo tổ chức đảng không áp dụng được cho nó: không làm văn phòng được; không ghi gì. Cần dùng một tài khoản riêng cho văn phòng",
    "login {login} administers the server (or has the owner's rights): the limits by Party organization cannot bind it, so it cannot be an office; nothing written. Use a login of the office's own",
);

/// `office add` of a login the server lacks, by an owner who may not make
/// logins.
pub const OFFICE_LOGIN_MISSING: Text = t(
    "máy chủ chưa có tài khoản {login}, và {owner} không được tạo tài khoản; không ghi gì. Người quản trị máy chủ tạo bằng lệnh psql: CREATE ROLE {login} LOGIN; (hoặc cho {owner} quyền CREATEROLE), rồi chạy lại lệnh này",
    "the server has no login {login}, and {owner} may not create logins; nothing written. The server's administrator creates it in psql: CREATE ROLE {login} LOGIN; (or grants {owner} CREATEROLE), then run this command again",
);

/// `log --login` of a login unknown to the log and the offices.
pub const UNKNOWN_LOGIN: Text = t(
    "không có tài khoản {login} trong nhật ký hay trong các văn phòng; các tài khoản có: {known}",
    "no login {login} in the log or among the offices; the logins there are: {known}",
);

/// `log --login` on a file, which records no login.
pub const LOGIN_ON_FILE: Text = t(
    "--login {login}: tệp SQLite không ghi tài khoản của thay đổi; --login chỉ dùng với cơ sở dữ liệu PostgreSQL",
    "--login {login}: an SQLite file records no login of a change; --login is for a PostgreSQL database only",
);

/// No server takes connections at the address (not started, a wrong host,
/// port or socket folder).
pub const PG_NOT_RUNNING: Text = t(
    "không có máy chủ PostgreSQL nào nhận kết nối ở {host}: máy chủ chưa chạy, hoặc sai tên máy, cổng, thư mục socket; không ghi gì. Kiểm tra bằng: pg_isready -h {host}",
    "no PostgreSQL server takes connections at {host}: it is not running, or the host, port or socket folder is wrong; nothing written. Check with: pg_isready -h {host}",
);

pub const TASK_NO_PEOPLE: Text = t(
    "chưa có cán bộ nào đang giữ chức ở {kinds} trong {scope}; chưa tạo nhiệm vụ. Thêm cán bộ bằng `theodoi person add HỌ_TÊN --position CHỨC_VỤ --unit ĐƠN_VỊ`",
    "nobody in post is recorded in a {kinds} in {scope}; the task was not created. Add people with `theodoi person add NAME --position POSITION --unit UNIT`",
);
pub const BAD_DATE_MONTH: Text = t(
    "ngày {input} không có thật: tháng chỉ từ 1 đến 12",
    "{input} is not a real date: months run from 1 to 12",
);

/// `task renew --directive` of a secret directive's task under one that
/// is not secret, its title kept.
pub const RENEW_SECRET_TITLE: Text = t(
    "nhiệm vụ {from} thuộc văn bản mật; lập sang văn bản {to} (không mật) với tên cũ thì tên nhiệm vụ sẽ hiện ở mọi báo cáo: cần đặt tên mới bằng --title",
    "task {from} belongs to a secret directive; under {to} (not secret) its title would show in every report: give a new title with --title",
);

/// `--title` of a secret directive or task without `--show-secret`.
pub const SECRET_TITLE_EDIT: Text = t(
    "trích yếu, tên nhiệm vụ của văn bản mật ({what}) chỉ sửa được khi có --show-secret; không ghi gì. Muốn sửa thì thêm --show-secret (khi đó sẽ hiện nội dung cũ và mới)",
    "the title of a secret directive or its task ({what}) is changed only with --show-secret; nothing written. Add --show-secret to change it (the old and the new title are then said)",
);

/// A file's column, where a command's message names its option.
pub const COLUMN_PARENT: Text = t("cột 'Trực thuộc'", "column 'parent'");
pub const COLUMN_POSITION: Text = t("cột 'Chức vụ'", "column 'position'");
pub const COLUMN_NOTE: Text = t("cột 'Ghi chú'", "column 'note'");
pub const COLUMN_EVIDENCE: Text = t("cột 'Minh chứng'", "column 'evidence'");

/// A heading with how many rows it lists, said with what they are.
pub const HEADING_UNITS: Text = t("{heading}: {n} tổ chức đảng", "{heading}: {n:unit|units}");
pub const HEADING_PEOPLE: Text = t("{heading}: {n} cán bộ", "{heading}: {n:person|people}");
pub const EXTRACT_DIRECTIVES_COUNTED: Text = t(
    "Văn bản tìm thấy: {n} văn bản",
    "Directives found: {n:directive|directives}",
);
pub const EXTRACT_DEADLINES_COUNTED: Text = t(
    "Thời hạn tìm thấy: {n} thời hạn",
    "Deadlines found: {n:deadline|deadlines}",
);

/// A person owing a task, in a list beside units: said as a Party
/// document names a member.
pub const PERSON_IN_UNIT: Text = t("Đồng chí {name} ({unit})", "{name} ({unit})");

/// An undo of an undo, in the log and when it is done: the first change
/// put back.
pub const LOG_REDONE: Text = t(
    "khôi phục thay đổi #{change} (hủy hoàn tác #{undo}): {summary}",
    "redid change #{change} (reversing undo #{undo}): {summary}",
);

pub const REDO_DONE: Text = t(
    "Đã khôi phục thay đổi #{change} (hủy hoàn tác #{undo}): {summary}",
    "Redid change #{change} (reversing undo #{undo}): {summary}",
);

/// Why a person's open obligations stopped being tracked.
pub const LEFT_POST_REASON: Text = t(
    "cán bộ thôi giữ chức từ ngày {date}",
    "out of post from {date}",
);

pub const PERSON_TAKEN: Text = t(
    "{unit} đã có cán bộ {person} (mã {code}) đang giữ chức; không ghi gì. Nếu đúng là hai cán bộ trùng họ tên thì thêm --same-name",
    "{unit} already has {person} (code {code}) in post; nothing written. If these are two people of one name, add --same-name",
);

/// A task's title where the line gives its code before it in brackets
/// (`{code} ({title})`): a secret directive's task, whose shown name is its
/// code with the directive's mark (`nv-03 (03-HD/TU, Mật)`), gives only
/// what follows the code, so that the code is not said twice.
pub fn beside_code<'a>(code: &str, title: &'a str) -> &'a str {
    title
        .strip_prefix(code)
        .and_then(|rest| rest.strip_prefix(" ("))
        .and_then(|rest| rest.strip_suffix(')'))
        .unwrap_or(title)
}

/// A task named in a sentence by its shown title: quoted (`“Kiểm điểm …”`),
/// or, a secret directive's, its code and mark as they are (`nv-03
/// (03-HD/TU, Mật)`), a name rather than a title.
pub fn task_said(code: &str, title: &str) -> String {
    if title.starts_with(&format!("{code} (")) {
        title.to_string()
    } else {
        format!("“{title}”")
    }
}

/// The bad rows of a file left unsaid, counted.
pub const ROWS_MORE: Text = t(
    " … và {n} dòng lỗi khác",
    " … and {n:more bad line|more bad lines}",
);

/// Several rows of a file that say one thing, each of its own value.
pub const IMPORT_ROWS: Text = t("dòng {lines}: {reason}", "lines {lines}: {reason}");

/// A reference left empty (a cell of a file with nothing in it).
pub const NOT_GIVEN: Text = t("chưa ghi {what}", "no {what} given");
pub const WHAT_DIRECTIVE: Text = t("văn bản", "directive");
pub const WHAT_UNIT: Text = t("tổ chức đảng", "unit");
pub const WHAT_TASK: Text = t("nhiệm vụ", "task");
pub const WHAT_PERSON: Text = t("cán bộ", "person");

pub const TASK_RETITLED: Text = t(
    "Đã sửa tên nhiệm vụ {code}: “{was}” → “{title}”",
    "Corrected the title of task {code}: “{was}” → “{title}”",
);

pub const IMPORT_SAME_NAME: Text = t(
    "{name} trùng tên với dòng {line}, cùng cấp trên",
    "{name} has the name of line {line}, under the same parent",
);

pub const DONE_UNIT_NOT_PERSON: Text = t(
    "nhiệm vụ {task} dành cho tổ chức đảng, không dành cho từng cán bộ: dùng --unit thay cho --person",
    "the task {task} is for units, not for people: use --unit instead of --person",
);

/// What a refusal adds in a sentence of its own (left out of a file's row,
/// whose line says it once).
pub const NOTHING_WRITTEN: Text = t("không ghi gì", "nothing written");

pub const NOT_APPLICABLE_DUE_HINT: Text = t(
    "; nếu vẫn phải thực hiện thì giao và cho hạn bằng `theodoi task assign {task} --unit {unit} --due NGÀY`",
    "; if the unit must do it, give it with a due date: `theodoi task assign {task} --unit {unit} --due DATE`",
);

/// `{format}` of `BOM_NEEDS_CSV` for the table on screen, the default.
pub const BOM_FORMAT_TABLE: Text = t(
    "bảng trên màn hình (table, mặc định)",
    "the table on screen (table, the default)",
);
/// `{format}` of `BOM_NEEDS_CSV` for an Excel workbook.
pub const BOM_FORMAT_XLSX: Text = t(
    "xlsx (tệp Excel đã hiện đúng tiếng Việt, không cần --bom)",
    "xlsx (an Excel workbook shows the Vietnamese right without it)",
);
pub const BOM_NEEDS_CSV: Text = t(
    "--bom chỉ dùng với định dạng csv (để Excel đọc đúng tiếng Việt), không dùng với định dạng {format}; bỏ --bom hoặc dùng --format csv; không ghi gì",
    "--bom is only for the csv format (so that Excel reads the Vietnamese right), not for {format}; leave out --bom or use --format csv; nothing written",
);

pub const BAD_STORED_DATE: Text = t(
    "cơ sở dữ liệu có ngày không có thật '{value}': bảng {table}, cột {column}, dòng #{row}{of}; tệp có thể đã bị sửa ngoài theodoi, cần khôi phục bản sao lưu gần nhất",
    "the database holds a date that is no date, '{value}': table {table}, column {column}, row #{row}{of}; the file may have been edited outside theodoi: restore the latest backup",
);
pub const BAD_STORED_MOMENT: Text = t(
    "cơ sở dữ liệu có thời điểm không đọc được '{value}' (cần theo RFC 3339): bảng {table}, cột {column}, dòng #{row}{of}; tệp có thể đã bị sửa ngoài theodoi, cần khôi phục bản sao lưu gần nhất",
    "the database holds a time that cannot be read, '{value}' (RFC 3339 expected): table {table}, column {column}, row #{row}{of}; the file may have been edited outside theodoi: restore the latest backup",
);
pub const BAD_STORED_DATE_OF: Text = t(" ({of})", " ({of})");
pub const STORED_VALUE_UNREADABLE: Text = t(
    "một giá trị lưu trong cơ sở dữ liệu không đọc được (tệp có thể đã bị sửa ngoài theodoi); cần khôi phục bản sao lưu gần nhất. Chi tiết: {detail}",
    "a value stored in the database cannot be read (the file may have been edited outside theodoi); restore the latest backup. Detail: {detail}",
);
pub const EXPORT_NOTHING: Text = t(
    "không xuất gì (tệp xuất sẽ không nhập lại được)",
    "nothing exported (the file would not import again)",
);

pub const MIGRATE_BROKEN_REFERENCE: Text = t(
    "không nâng cấp được cơ sở dữ liệu lên phiên bản {version}: có {child} trỏ tới {parent} không có trong tệp (tệp có thể đã bị sửa ngoài theodoi); tệp vẫn ở phiên bản {was}, cần khôi phục bản sao lưu gần nhất. Chi tiết: {table} #{row} → {parent_table}",
    "could not upgrade the database to version {version}: a {child} refers to {parent}, which is not in the file (it may have been edited outside theodoi); the file stays at version {was}: restore the latest backup. Detail: {table} #{row} → {parent_table}",
);
pub const MIGRATE_PARENT_ID: Text = t("{parent} #{id}", "{parent} #{id}");
pub const MIGRATE_PARENT_ANY: Text = t("một {parent}", "a {parent}");
/// The tables of the record as a clerk names what their rows are.
pub const TABLE_UNIT: Text = t("tổ chức đảng", "unit");
pub const TABLE_UNIT_PAST: Text = t(
    "tên gọi, loại hoặc cấp trên trước đây của tổ chức đảng",
    "earlier name, kind or parent of a unit",
);
pub const TABLE_UNIT_ALIAS: Text = t("tên khác của tổ chức đảng", "other name of a unit");
pub const TABLE_PERSON: Text = t("cán bộ", "person");
pub const TABLE_DIRECTIVE: Text = t("văn bản", "directive");
pub const TABLE_TASK: Text = t("nhiệm vụ", "task");
pub const TABLE_TASK_DUE: Text = t("hạn hoàn thành của nhiệm vụ", "due date of a task");
pub const TABLE_OBLIGATION: Text = t(
    "kết quả thực hiện nhiệm vụ của tổ chức đảng",
    "result of a task for a unit",
);
pub const TABLE_CHANGE: Text = t("dòng nhật ký thay đổi", "line of the change log");

pub const WAL_WITHOUT_SHM: Text = t(
    "không mở được cơ sở dữ liệu {path}: có tệp {name}-wal (thay đổi chưa ghi vào tệp chính) mà thiếu tệp {name}-shm, và thư mục chứa nó chỉ đọc nên không tạo được; cần chép cả {name} lẫn {name}-wal sang thư mục ghi được rồi chỉ --db tới bản chép",
    "cannot open the database {path}: its {name}-wal (changes not yet in the main file) has no {name}-shm, and its folder is read-only, so none can be made; copy {name} and {name}-wal to a folder that can be written and point --db at the copy",
);

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// The string literal at the start of `s` (after blanks), and the rest.
    fn literal(s: &str) -> Option<(String, &str)> {
        let s = s.trim_start().strip_prefix('"')?;
        let mut out = String::new();
        let mut chars = s.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => out.extend(chars.next().map(|(_, c)| c)),
                '"' => return Some((out, &s[i + 1..])),
                c => out.push(c),
            }
        }
        None
    }

    /// The names of a template's placeholders: `{name}` and `{name:one|many}`.
    fn names(template: &str) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        for piece in template.split('{').skip(1) {
            let name: String = piece
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let next = piece[name.len()..].chars().next();
            if !name.is_empty() && matches!(next, Some('}') | Some(':')) {
                found.insert(name);
            }
        }
        found
    }

    #[test]
    fn both_languages_fill_the_same_placeholders_and_give_no_orders() {
        let source = [
            include_str!("messages.rs"),
            include_str!("errors.rs"),
            include_str!("names.rs"),
            include_str!("headers.rs"),
            include_str!("documents.rs"),
        ]
        .concat();
        let (mut pairs, mut rest, mut differ) = (0, source.as_str(), Vec::new());
        while let Some(at) = rest.find("t(") {
            rest = &rest[at + 2..];
            let Some((vi, after)) = literal(rest) else {
                continue;
            };
            let Some(after) = after.trim_start().strip_prefix(',') else {
                continue;
            };
            let Some((en, after)) = literal(after) else {
                continue;
            };
            rest = after;
            pairs += 1;
            if names(&vi) != names(&en) {
                differ.push(format!("{vi}\n{en}"));
            }
            // What is needed, not orders (the style above).
            if vi.to_lowercase().contains("hãy ") {
                differ.push(format!("an order (hãy): {vi}"));
            }
        }
        assert!(pairs > 300, "only {pairs} messages read");
        assert!(differ.is_empty(), "\n{}", differ.join("\n\n"));
    }
}
