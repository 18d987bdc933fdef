//! Command help: headings, one entry per command and option, examples.

use super::{Text, t};

// Help: the headings of the help screen, then one entry per command and
// per option, keyed by the command path and the option's name.

pub const HELP_TEMPLATE: Text = t(
    "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}",
    "{about-with-newline}\nUsage: {usage}\n\n{all-args}{after-help}",
);
pub const HELP_COMMANDS: Text = t("Lệnh", "Commands");
pub const HELP_OPTIONS: Text = t("Tùy chọn", "Options");
pub const HELP_ARGUMENTS: Text = t("Tham số", "Arguments");
pub const HELP_FLAG: Text = t("Hiển thị trợ giúp này", "Print this help");
pub const VERSION_FLAG: Text = t("Hiển thị số phiên bản", "Print the version");

/// Help for a command (`key` = its path, e.g. `directive add`) or an
/// option (`directive add --issuer`, positional: `directive add SYMBOL`).
pub fn help(key: &str) -> Option<Text> {
    HELP.iter().find(|(k, _)| *k == key).map(|(_, text)| *text)
}

/// Worked examples shown below a command's help.
pub fn examples(key: &str) -> Option<Text> {
    EXAMPLES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, text)| *text)
}

const HELP: &[(&str, Text)] = &[
    (
        "extract --apply",
        t(
            "Ghi các văn bản và một nhiệm vụ với các thời hạn tìm thấy, sau khi hỏi lại; văn bản đã có thì dùng lại",
            "Record the directives and a task with the deadlines found, after asking; existing directives are linked",
        ),
    ),
    (
        "extract --yes",
        t(
            "Ghi mà không hỏi (khi chạy tự động)",
            "Record without asking (for scripts)",
        ),
    ),
    (
        "extract",
        t(
            "Đọc văn bản và thời hạn từ một thông báo, tin bài dán vào (chỉ hiển thị; ghi vào cơ sở dữ liệu khi có --apply)",
            "Read directives and deadlines out of a pasted announcement (prints only; writes them with --apply)",
        ),
    ),
    (
        "extract FILE",
        t(
            "Tệp văn bản UTF-8; '-' hoặc bỏ trống để dán nội dung vào sau khi chạy lệnh",
            "A UTF-8 text file; '-' or nothing for standard input",
        ),
    ),
    (
        "person",
        t(
            "Cán bộ lãnh đạo, quản lý diện Ban Thường vụ quản lý: thêm, nhập, xem, thôi giữ chức",
            "Leaders the Standing Committee manages: add, import, list, show, leave",
        ),
    ),
    ("person add", t("Thêm một cán bộ", "Record a person")),
    ("person add NAME", t("Họ tên", "Full name")),
    (
        "person add --position",
        t(
            "Chức vụ, ví dụ 'Bí thư Đảng ủy phường'",
            "Position, e.g. 'Bí thư Đảng ủy phường'",
        ),
    ),
    (
        "person add --unit",
        t("Đơn vị công tác (mã hoặc tên)", "The unit (code or name)"),
    ),
    ("person add --from", t("Giữ chức từ ngày", "In post from")),
    (
        "person add --code",
        t(
            "Mã ngắn (mặc định: tạo từ họ tên)",
            "Short code (default: made from the name)",
        ),
    ),
    ("person list", t("Danh sách cán bộ", "List people")),
    (
        "person list --search",
        t(
            "Chỉ cán bộ có chữ này trong tên, mã hoặc chức vụ",
            "Only people with this text in name, code or position",
        ),
    ),
    (
        "person show",
        t(
            "Thông tin cán bộ và nhiệm vụ được giao",
            "One person and their tasks",
        ),
    ),
    ("person show REF", t("Mã hoặc họ tên", "Code or name")),
    (
        "person import",
        t(
            "Nhập cán bộ từ bảng tính Excel (.xlsx) hoặc tệp CSV (cột 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Từ ngày', hoặc 'code', 'name', 'position', 'unit', 'from'); lỗi một dòng thì không ghi gì",
            "Import people from an Excel workbook (.xlsx) or CSV (columns 'code', 'name', 'position', 'unit', 'from', or 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Từ ngày'); one bad line and nothing is written",
        ),
    ),
    (
        "person import FILE",
        t(
            "Tệp .xlsx, hoặc CSV (UTF-8, UTF-16 hay Windows-1258; dấu phẩy, chấm phẩy hay tab)",
            "An .xlsx file, or CSV (UTF-8, UTF-16 or Windows-1258; commas, semicolons or tabs)",
        ),
    ),
    (
        "person import --dry-run",
        t("Chỉ kiểm tra, không ghi gì", "Check only; write nothing"),
    ),
    (
        "person leave",
        t(
            "Ghi cán bộ thôi giữ chức (lịch sử vẫn giữ)",
            "Record a person leaving the post (history stays)",
        ),
    ),
    ("person leave REF", t("Mã hoặc họ tên", "Code or name")),
    (
        "person leave --on",
        t("Ngày cuối giữ chức", "The last day in post"),
    ),
    (
        "person leave --force",
        t(
            "Vẫn ghi dù ngày thôi giữ chức trước ngày nhận chức",
            "Record it although the day is before the person took the post",
        ),
    ),
    (
        "task add --people",
        t(
            "Nhiệm vụ của cán bộ (đánh giá, xếp loại cán bộ diện Ban Thường vụ quản lý) thay vì của tổ chức đảng: giao cho mỗi cán bộ đang giữ chức trong các tổ chức đảng thuộc loại đã nêu",
            "A task for people (rating the leaders the standing committee manages), not units: each person in post in units of the kinds named",
        ),
    ),
    (
        "done --person",
        t(
            "Cán bộ (mã hoặc họ tên), với nhiệm vụ dành cho cán bộ",
            "The person (code or name), for a task for people",
        ),
    ),
    (
        "directive edit",
        t(
            "Sửa thông tin văn bản đã ghi (giá trị cũ vẫn lưu trong nhật ký)",
            "Correct a recorded directive (the old values stay in the log)",
        ),
    ),
    (
        "directive edit REF",
        t(
            "Số, ký hiệu hoặc trích yếu của văn bản",
            "The directive's symbol, number or title",
        ),
    ),
    (
        "directive edit --of",
        t(
            "Cơ quan ban hành đã ghi, khi ký hiệu trùng",
            "The recorded issuer, when the symbol recurs",
        ),
    ),
    (
        "directive edit --symbol",
        t("Số, ký hiệu mới", "The new number and symbol"),
    ),
    (
        "directive edit --issuer",
        t("Cơ quan ban hành mới", "The new issuer"),
    ),
    (
        "directive edit --date",
        t("Ngày ban hành mới", "The new issue date"),
    ),
    (
        "directive edit --title",
        t("Trích yếu mới", "The new subject"),
    ),
    (
        "directive edit --type",
        t("Loại văn bản mới", "The new type"),
    ),
    (
        "directive edit --force",
        t(
            "Vẫn ghi ngày ban hành dù muộn hơn thời hạn của nhiệm vụ theo văn bản",
            "Record the issue date even though it is later than a due date of its tasks",
        ),
    ),
    (
        "task edit",
        t(
            "Sửa tên, mã hoặc thời hạn của nhiệm vụ (giá trị cũ vẫn lưu trong nhật ký)",
            "Correct a task's title or code, or change its due dates (the old values stay in the log)",
        ),
    ),
    (
        "task edit REF",
        t("Nhiệm vụ (mã hoặc văn bản)", "The task (code or directive)"),
    ),
    ("task edit --title", t("Nội dung mới", "The new title")),
    ("task edit --code", t("Mã mới", "The new code")),
    (
        "task add --rated",
        t(
            "Nhiệm vụ có xếp loại chất lượng (kiểm điểm hằng năm): ghi kèm --rating khi hoàn thành",
            "A rating task (the annual review): completions carry --rating",
        ),
    ),
    (
        "done --rating",
        t(
            "Xếp loại: HTXSNV, HTTNV, HTNV, KHTNV (hoặc tên đầy đủ, có dấu hay không)",
            "The rating: HTXSNV, HTTNV, HTNV, KHTNV (or the full name, with or without accents)",
        ),
    ),
    (
        "done --not-rated",
        t(
            "Không xếp loại, kèm lý do (ví dụ: thành lập chưa đủ 6 tháng)",
            "Not rated, with the reason (founded less than 6 months ago, say)",
        ),
    ),
    (
        "done --force",
        t(
            "Vẫn ghi dù không đúng quy tắc về ngày (bản ghi lưu lại việc này): cấp dưới chưa hoàn thành trước ngày đó, ngày trước ngày ban hành văn bản, hoặc cách hạn hơn một năm",
            "Record it although a rule of dates says no (the record keeps that): units below not done by that day, a day before the directive was issued, or more than a year from the due date",
        ),
    ),
    ("unit add --founded", t("Ngày thành lập", "Date founded")),
    (
        "rules",
        t(
            "Các quy tắc kiểm tra xếp loại; sửa bằng lệnh rules set TÊN GIÁ_TRỊ, không phải cài lại chương trình",
            "The rules that check ratings, changeable without reinstalling (rules set NAME VALUE)",
        ),
    ),
    (
        "rules set",
        t(
            "Đổi một quy tắc (ghi vào nhật ký)",
            "Change one rule (logged)",
        ),
    ),
    ("rules set NAME", t("Tên quy tắc", "The rule's name")),
    ("rules set VALUE", t("Giá trị mới", "The new value")),
    (
        "ratings",
        t(
            "Kết quả xếp loại: số lượng theo từng mức, kiểm tra quy tắc, tổ chức đảng chưa có kết quả",
            "Ratings: counts per level, rule checks, units without a rating",
        ),
    ),
    (
        "ratings --exit-code",
        t(
            "Thoát với mã 1 khi có quy tắc bị vi phạm",
            "Exit with status 1 when a rule is broken",
        ),
    ),
    (
        "overdue --count",
        t(
            "Chỉ hiển thị số trường hợp chưa hoàn thành, quá hạn (mỗi tổ chức đảng hoặc cán bộ, mỗi nhiệm vụ tính một lần)",
            "Print only the number of overdue cases (each unit or person, each task counted once)",
        ),
    ),
    (
        "export",
        t(
            "Xuất toàn bộ dữ liệu (cả nhật ký) ra một tệp JSON",
            "Export everything (the log too) to one JSON file",
        ),
    ),
    (
        "export FILE",
        t(
            "Tệp JSON mới ('-' để hiển thị ra màn hình)",
            "The new JSON file ('-' for standard output)",
        ),
    ),
    (
        "import",
        t(
            "Nhập tệp JSON do `theodoi export` tạo vào một cơ sở dữ liệu trống",
            "Import a file made by `theodoi export` into an empty database",
        ),
    ),
    ("import FILE", t("Tệp JSON", "The JSON file")),
    (
        "directive revoke",
        t(
            "Ghi văn bản hết hiệu lực: dừng theo dõi các nhiệm vụ chưa hoàn thành của văn bản",
            "Record a directive as revoked: its open obligations no longer count",
        ),
    ),
    (
        "directive revoke REF",
        t(
            "Số, ký hiệu hoặc trích yếu của văn bản",
            "The directive's symbol, number or title",
        ),
    ),
    (
        "directive revoke --on",
        t("Ngày hết hiệu lực", "The day it ceases to apply"),
    ),
    ("directive revoke --reason", t("Lý do", "Why")),
    (
        "directive revoke --force",
        t(
            "Vẫn ghi dù ngày hết hiệu lực trước ngày ban hành",
            "Record it although the day is before the directive was issued",
        ),
    ),
    (
        "directive replace",
        t(
            "Ghi văn bản được thay thế bằng văn bản khác (ví dụ Quy định 124-QĐ/TW được thay bằng Quy định 366-QĐ/TW: khi thêm, ghi rõ --type quy-dinh)",
            "Record a directive as replaced by another (e.g. regulation 124-QĐ/TW by regulation 366-QĐ/TW, added with --type quy-dinh)",
        ),
    ),
    (
        "directive replace OLD",
        t("Văn bản cũ", "The old directive"),
    ),
    (
        "directive replace --by",
        t("Văn bản mới", "The new directive"),
    ),
    (
        "directive replace --on",
        t(
            "Từ ngày (mặc định: ngày ban hành văn bản mới)",
            "From this day (default: the new directive's issue date)",
        ),
    ),
    (
        "directive replace --force",
        t(
            "Vẫn ghi dù ngày thay thế trước ngày ban hành văn bản cũ",
            "Record it although the day is before the old directive was issued",
        ),
    ),
    (
        "unit dissolve",
        t(
            "Ghi tổ chức đảng giải thể: dừng theo dõi các nhiệm vụ chưa hoàn thành của tổ chức đó, lịch sử giữ nguyên",
            "Record a unit as dissolved: its open obligations no longer count; its history stays",
        ),
    ),
    (
        "unit dissolve UNIT",
        t("Đơn vị (mã hoặc tên)", "The unit (code or name)"),
    ),
    (
        "unit dissolve --on",
        t("Ngày giải thể", "The day it is dissolved"),
    ),
    (
        "unit dissolve --force",
        t(
            "Vẫn ghi dù ngày giải thể trước ngày thành lập",
            "Record it although the day is before the unit was founded",
        ),
    ),
    (
        "unit merge",
        t(
            "Sáp nhập tổ chức đảng vào tổ chức đảng khác: nhiệm vụ chưa hoàn thành chuyển sang tổ chức đảng nhận sáp nhập, nhiệm vụ đã hoàn thành giữ ở tổ chức đảng cũ",
            "Merge units into another: open obligations pass to it, closed ones stay with the old units",
        ),
    ),
    (
        "unit merge UNIT",
        t("Các tổ chức đảng bị sáp nhập", "The units merged"),
    ),
    (
        "unit merge --into",
        t("Đơn vị nhận sáp nhập", "The unit they merge into"),
    ),
    (
        "unit merge --on",
        t("Ngày sáp nhập", "The day of the merger"),
    ),
    (
        "backup",
        t(
            "Sao lưu toàn bộ cơ sở dữ liệu ra một tệp mới (an toàn cả khi người khác đang ghi)",
            "Back up the whole database to a new file (safe while others write)",
        ),
    ),
    ("backup FILE", t("Tệp sao lưu mới", "The new backup file")),
    (
        "done --from",
        t(
            "Ghi kết quả của nhiều tổ chức đảng từ bảng tính Excel (.xlsx) hoặc tệp CSV (cột 'Tên đơn vị', 'Ngày hoàn thành', 'Minh chứng', 'Ghi chú', 'Xếp loại', hoặc 'unit', 'on', 'evidence', 'note', 'rating'); lỗi một dòng thì không ghi gì",
            "Record many units from an Excel workbook (.xlsx) or CSV (columns 'unit', 'on', 'evidence', 'note', 'rating', or 'Tên đơn vị', 'Ngày hoàn thành', 'Minh chứng', 'Ghi chú', 'Xếp loại'); one bad line and nothing is written",
        ),
    ),
    (
        "done --dry-run",
        t("Chỉ kiểm tra, không ghi gì", "Check only; write nothing"),
    ),
    (
        "--actor",
        t(
            "Người cập nhật ghi vào nhật ký (mặc định: THEODOI_ACTOR, nếu không thì tên đăng nhập)",
            "Who is recorded in the log (default: THEODOI_ACTOR, else the login name)",
        ),
    ),
    (
        "done --correct",
        t(
            "Sửa kết quả đã ghi: chỉ sửa những gì được nêu (--on, --rating, --not-rated, --evidence, --note), phần còn lại giữ nguyên; bản ghi cũ vẫn lưu trong nhật ký",
            "Correct a recorded completion: only what is named changes (--on, --rating, --not-rated, --evidence, --note), the rest stays; the old record stays in the log",
        ),
    ),
    (
        "extend",
        t(
            "Gia hạn nhiệm vụ cho một tổ chức đảng",
            "Extend one unit's due date for a task",
        ),
    ),
    (
        "extend --task",
        t(
            "Nhiệm vụ (mã, hoặc văn bản nếu văn bản chỉ có một nhiệm vụ)",
            "The task (code, or its directive when that has one task)",
        ),
    ),
    (
        "extend --unit",
        t("Đơn vị (mã hoặc tên)", "The unit (code or name)"),
    ),
    (
        "extend --person",
        t(
            "Cán bộ (mã hoặc họ tên), trên nhiệm vụ dành cho cán bộ, thay cho --unit",
            "The person (code or name), on a task for people, instead of --unit",
        ),
    ),
    ("extend --to", t("Hạn mới", "The new due date")),
    ("extend --reason", t("Lý do gia hạn", "Why")),
    (
        "undo",
        t(
            "Hoàn tác thay đổi gần nhất do người dùng này thực hiện, hoặc một thay đổi theo số trong nhật ký",
            "Undo your last change, or a change by its number in the log",
        ),
    ),
    (
        "undo CHANGE",
        t(
            "Số thay đổi trong `theodoi log` (mặc định: thay đổi gần nhất do người dùng này thực hiện)",
            "A change number from `theodoi log` (default: your last change)",
        ),
    ),
    (
        "log",
        t(
            "Nhật ký thay đổi: ai, khi nào, thay đổi gì",
            "The change log: who changed what, when",
        ),
    ),
    ("log --since", t("Chỉ từ ngày này", "Only from this date")),
    (
        "log --unit",
        t(
            "Chỉ các thay đổi về tổ chức đảng này",
            "Only changes about this unit",
        ),
    ),
    (
        "log --directive",
        t(
            "Chỉ thay đổi về văn bản này",
            "Only changes about this directive",
        ),
    ),
    (
        "log --login",
        t(
            "Chỉ các thay đổi do tài khoản PostgreSQL này ghi (trên máy chủ)",
            "Only changes made by this PostgreSQL login (on a server)",
        ),
    ),
    (
        "unit rename",
        t(
            "Đổi tên tổ chức đảng (tên cũ vẫn lưu trong nhật ký)",
            "Rename a unit (the old name stays in the log)",
        ),
    ),
    (
        "unit rename UNIT",
        t("Đơn vị (mã hoặc tên)", "The unit (code or name)"),
    ),
    ("unit rename NAME", t("Tên mới", "The new name")),
    (
        "unit rename --on",
        t(
            "Tên mới dùng từ ngày này (mặc định: hôm nay); báo cáo của những ngày trước vẫn dùng tên cũ",
            "The new name holds from this date (default: today); reports of earlier days keep the old name",
        ),
    ),
    (
        "unit rename --correct",
        t(
            "Sửa tên ghi sai: dùng tên mới cho cả những ngày trước, từ lần thay đổi gần nhất (hoặc từ đầu nếu chưa thay đổi lần nào)",
            "Fix a name recorded wrongly: the new name for earlier days too, back to the unit's last change (or to the start)",
        ),
    ),
    (
        "unit move --on",
        t(
            "Trực thuộc cấp trên mới từ ngày này (mặc định: hôm nay); báo cáo của những ngày trước vẫn theo cấp trên cũ",
            "Under the new parent from this date (default: today); reports of earlier days keep the old parent",
        ),
    ),
    (
        "unit move --correct",
        t(
            "Sửa cấp trên ghi sai: tính cấp trên mới cho cả những ngày trước, từ lần thay đổi gần nhất (hoặc từ đầu nếu chưa thay đổi lần nào)",
            "Fix a parent recorded wrongly: the new parent for earlier days too, back to the unit's last change (or to the start)",
        ),
    ),
    (
        "unit move",
        t(
            "Chuyển tổ chức đảng sang trực thuộc cấp trên khác",
            "Move a unit under another parent",
        ),
    ),
    (
        "unit move UNIT",
        t("Đơn vị (mã hoặc tên)", "The unit (code or name)"),
    ),
    (
        "unit move --to",
        t("Cấp trên trực tiếp mới", "The new parent"),
    ),
    (
        "unit move --kind",
        t(
            "Loại tổ chức đảng mới, khi tổ chức đảng đổi loại cùng lúc với việc chuyển (ví dụ chi bộ cơ sở thành chi bộ trực thuộc đảng bộ phường)",
            "The new kind, when the unit changes kind as it moves (e.g. a grassroots Party cell that becomes an affiliated Party cell of a ward's Party committee)",
        ),
    ),
    (
        "unit edit",
        t(
            "Sửa tổ chức đảng: đổi loại; thêm, bỏ tên khác (tên viết tắt, tên thường gọi) dùng để tìm",
            "Edit a unit: change its kind; add or remove other names (abbreviations, short names) it is found by",
        ),
    ),
    (
        "unit edit UNIT",
        t("Đơn vị (mã hoặc tên)", "The unit (code or name)"),
    ),
    (
        "unit edit --alias",
        t(
            "Thêm một tên khác, ví dụ UBKT (có thể dùng nhiều lần)",
            "Add another name, e.g. UBKT (may be repeated)",
        ),
    ),
    (
        "unit edit --kind",
        t(
            "Loại tổ chức đảng mới (phải phù hợp với cấp trên và các tổ chức đảng trực thuộc)",
            "The new kind (it must fit the parent and the units under it)",
        ),
    ),
    (
        "unit edit --on",
        t(
            "Loại mới dùng từ ngày này (mặc định: hôm nay); báo cáo của những ngày trước vẫn theo loại cũ",
            "The new kind holds from this date (default: today); reports of earlier days keep the old kind",
        ),
    ),
    (
        "unit edit --correct",
        t(
            "Sửa loại ghi sai: dùng loại mới cho cả những ngày trước, từ lần thay đổi gần nhất (hoặc từ đầu nếu chưa thay đổi lần nào)",
            "Fix a kind recorded wrongly: the new kind for earlier days too, back to the unit's last change (or to the start)",
        ),
    ),
    (
        "unit edit --remove-alias",
        t(
            "Bỏ một tên khác (có thể dùng nhiều lần)",
            "Remove another name (may be repeated)",
        ),
    ),
    (
        "",
        t(
            "Theo dõi, đôn đốc việc thực hiện văn bản của cấp ủy: văn bản, nhiệm vụ, thời hạn; tổ chức đảng nào đã hoàn thành, tổ chức đảng nào chậm thực hiện.",
            "Track how Party directives are carried out: directives, units, tasks, deadlines, who is late.",
        ),
    ),
    (
        "--db",
        t(
            "Tệp cơ sở dữ liệu, hoặc địa chỉ PostgreSQL postgres://… (mặc định: THEODOI_DB, nếu không thì thư mục dữ liệu của người dùng)",
            "Database file, or a PostgreSQL address postgres://… (default: THEODOI_DB, else the user's data directory)",
        ),
    ),
    (
        "--lang",
        t(
            "Ngôn ngữ hiển thị: vi hoặc en (hoặc THEODOI_LANG)",
            "Language: vi or en (or THEODOI_LANG)",
        ),
    ),
    (
        "init",
        t(
            "Tạo cơ sở dữ liệu mới (không đụng tới cơ sở dữ liệu đã có)",
            "Create a new database (an existing one is left alone)",
        ),
    ),
    (
        "init --force",
        t(
            "Tạo cơ sở dữ liệu trong một tệp đã có nhưng trống, không hỏi lại",
            "Make a database of an existing empty file, without asking",
        ),
    ),
    (
        "directive",
        t(
            "Văn bản: thêm, xem danh sách, xem chi tiết, ghi hết hiệu lực, ghi được thay thế, sửa",
            "Directives: add, list, show, revoke, replace, edit",
        ),
    ),
    ("directive add", t("Thêm một văn bản", "Record a directive")),
    (
        "directive add SYMBOL",
        t(
            "Số, ký hiệu (188-KH/TU), hoặc như văn bản trích dẫn ('Quy định số 44-QĐ/TU'), hoặc loại và số khi không có ký hiệu ('Kế hoạch số 223')",
            "Number and symbol (188-KH/TU), or as a text cites it ('Quy định số 44-QĐ/TU'), or type and number when there is no symbol ('Kế hoạch số 223')",
        ),
    ),
    (
        "directive add --issuer",
        t(
            "Cơ quan ban hành, ví dụ 'Ban Thường vụ Thị ủy Sơn Tây'",
            "Issuer, e.g. 'Ban Thường vụ Thị ủy Sơn Tây'",
        ),
    ),
    (
        "directive add --date",
        t(
            "Ngày ban hành (dd/mm/yyyy); bỏ trống khi chưa rõ, ghi sau bằng `directive edit --date`",
            "Issue date (dd/mm/yyyy); leave it out while unknown, and give it later with `directive edit --date`",
        ),
    ),
    ("directive add --title", t("Trích yếu", "Subject")),
    (
        "directive add --type",
        t(
            "Loại văn bản, khi ký hiệu không nói rõ (QĐ có thể là Quy định): ke-hoach, quy-dinh, quyet-dinh, de-an…; không có thì hỏi lại khi gõ lệnh trực tiếp, cảnh báo khi chạy tự động",
            "Type, when the symbol does not settle it (QĐ may stand for a regulation): ke-hoach, quy-dinh, quyet-dinh, de-an…; without it, asked on a terminal, warned of in a script",
        ),
    ),
    ("directive list", t("Danh sách văn bản", "List directives")),
    (
        "directive list --search",
        t(
            "Chỉ văn bản có chữ này (không phân biệt dấu, hoa thường)",
            "Only directives containing this text (accents and case aside)",
        ),
    ),
    (
        "directive show",
        t(
            "Chi tiết văn bản và các nhiệm vụ theo văn bản",
            "Show a directive and its tasks",
        ),
    ),
    (
        "directive show REF",
        t(
            "Số, ký hiệu hoặc trích yếu của văn bản",
            "The directive's symbol, number or title",
        ),
    ),
    (
        "directive show --issuer",
        t(
            "Cơ quan ban hành, khi ký hiệu trùng",
            "Issuer, when the symbol recurs",
        ),
    ),
    (
        "directive show --date",
        t(
            "Ngày ban hành, khi ký hiệu trùng",
            "Issue date, when the symbol recurs",
        ),
    ),
    (
        "unit",
        t(
            "Tổ chức đảng: thêm, nhập từ tệp, xem danh sách theo hệ thống, sửa",
            "Units (Party organizations): add, import, list, edit",
        ),
    ),
    ("unit add", t("Thêm một tổ chức đảng", "Record a unit")),
    (
        "unit add NAME",
        t(
            "Tên tổ chức đảng, ví dụ 'Đảng bộ phường Ngô Quyền'",
            "Unit name, e.g. 'Đảng bộ phường Ngô Quyền'",
        ),
    ),
    (
        "unit add --kind",
        t(
            "Loại tổ chức đảng, gõ mã loại hoặc tên loại: dang-bo-cap-tren (đảng bộ cấp trên cơ sở), dang-bo-co-so (đảng bộ cơ sở), chi-bo-co-so (chi bộ cơ sở), dang-bo-bo-phan (đảng bộ bộ phận), chi-bo-truc-thuoc (chi bộ trực thuộc); ví dụ --kind chi-bo-co-so hoặc --kind 'chi bộ cơ sở'",
            "Kind, by its slug or name: dang-bo-cap-tren (upper-level Party committee), dang-bo-co-so (grassroots Party committee), chi-bo-co-so (grassroots Party cell), dang-bo-bo-phan (section Party committee), chi-bo-truc-thuoc (affiliated Party cell); e.g. --kind chi-bo-co-so or --kind 'grassroots Party cell'",
        ),
    ),
    (
        "unit add --parent",
        t(
            "Cấp trên trực tiếp (mã hoặc tên)",
            "Parent unit (code or name)",
        ),
    ),
    (
        "unit add --code",
        t(
            "Mã ngắn không dấu (mặc định: tạo từ tên)",
            "Short ASCII code (default: made from the name)",
        ),
    ),
    (
        "unit list",
        t("Danh sách tổ chức đảng theo hệ thống", "The unit tree"),
    ),
    (
        "unit list --as-of",
        t(
            "Danh sách tại ngày này: tên, loại, cấp trên của ngày đó",
            "The tree as it was on this date: names, kinds and parents of that day",
        ),
    ),
    (
        "unit list --search",
        t(
            "Chỉ tổ chức đảng có chữ này trong tên hoặc mã",
            "Only units with this text in name or code",
        ),
    ),
    (
        "unit import",
        t(
            "Nhập danh sách tổ chức đảng từ bảng tính Excel (.xlsx) hoặc tệp CSV (cột 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại tổ chức đảng', 'Trực thuộc', 'Ngày thành lập', hoặc 'code', 'name', 'kind', 'parent', 'founded'; cột 'STT' bỏ qua); lỗi một dòng thì không ghi gì",
            "Import units from an Excel workbook (.xlsx) or CSV (columns 'code', 'name', 'kind', 'parent', 'founded', or 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại tổ chức đảng', 'Trực thuộc', 'Ngày thành lập'; an 'STT' column is skipped); one bad line and nothing is written",
        ),
    ),
    (
        "unit import FILE",
        t(
            "Tệp .xlsx, hoặc CSV (UTF-8, UTF-16 hay Windows-1258; dấu phẩy, chấm phẩy hay tab)",
            "An .xlsx file, or CSV (UTF-8, UTF-16 or Windows-1258; commas, semicolons or tabs)",
        ),
    ),
    (
        "unit import --dry-run",
        t(
            "Chỉ kiểm tra tệp, không ghi gì",
            "Check the file only; write nothing",
        ),
    ),
    (
        "task",
        t(
            "Nhiệm vụ: thêm, xem danh sách, sửa, lập cho năm mới, giao thêm",
            "Tasks: add, list, edit, renew, assign",
        ),
    ),
    (
        "task add",
        t(
            "Thêm nhiệm vụ của một văn bản, với thời hạn theo loại tổ chức đảng",
            "Add a task of a directive, with a due date per unit kind",
        ),
    ),
    (
        "task add --directive",
        t(
            "Văn bản giao nhiệm vụ (số, ký hiệu hoặc trích yếu)",
            "The directive that sets the task (number and symbol, or words of its subject)",
        ),
    ),
    (
        "task add --issuer",
        t(
            "Cơ quan ban hành văn bản, khi ký hiệu trùng",
            "The directive's issuer, when its symbol recurs",
        ),
    ),
    (
        "task add --title",
        t("Nội dung nhiệm vụ", "What must be done"),
    ),
    (
        "task add --due",
        t(
            "Thời hạn cho một loại tổ chức đảng: LOẠI=NGÀY, ví dụ chi-bo-co-so=06/12/2023 là hạn của các chi bộ cơ sở (mỗi loại một --due; mã loại xem ở `theodoi unit add --help`)",
            "Due date for a kind of unit: KIND=DATE, e.g. chi-bo-co-so=06/12/2023 for the grassroots Party cells (one --due per kind; the kinds are in `theodoi unit add --help`)",
        ),
    ),
    (
        "task add --within",
        t(
            "Chỉ các tổ chức đảng thuộc đơn vị này (mặc định: tất cả)",
            "Only units under this one (default: the whole tree)",
        ),
    ),
    (
        "task add --code",
        t(
            "Mã ngắn của nhiệm vụ (mặc định: tạo từ văn bản, như kh223-1)",
            "Short task code (default: from the directive, like kh223-1)",
        ),
    ),
    (
        "task add --force",
        t(
            "Vẫn ghi dù thời hạn trước ngày ban hành văn bản",
            "Record it although a due date is before the directive was issued",
        ),
    ),
    ("task list", t("Danh sách nhiệm vụ", "List tasks")),
    (
        "task list --search",
        t(
            "Chỉ nhiệm vụ có chữ này trong tên hoặc mã",
            "Only tasks with this text in title or code",
        ),
    ),
    (
        "task list --directive",
        t(
            "Chỉ nhiệm vụ của văn bản này",
            "Only the tasks of this directive",
        ),
    ),
    (
        "done",
        t(
            "Ghi kết quả: một tổ chức đảng (hoặc cán bộ) đã hoàn thành nhiệm vụ",
            "Record that a unit has done a task",
        ),
    ),
    (
        "done --task",
        t(
            "Nhiệm vụ (mã, hoặc văn bản nếu văn bản chỉ có một nhiệm vụ)",
            "The task (code, or its directive when that has one task)",
        ),
    ),
    (
        "done --unit",
        t("Đơn vị (mã hoặc tên)", "The unit (code or name)"),
    ),
    (
        "done --on",
        t(
            "Ngày hoàn thành (mặc định: hôm nay; khi sửa: ngày đã ghi)",
            "Completion date (default: today; on a correction, the date recorded)",
        ),
    ),
    (
        "done --evidence",
        t(
            "Minh chứng (báo cáo, biên bản), ví dụ 'Biên bản họp chi bộ ngày 05/12/2023'",
            "Evidence, e.g. 'Biên bản họp chi bộ ngày 05/12/2023'",
        ),
    ),
    ("done --note", t("Ghi chú", "Note")),
    (
        "overdue",
        t(
            "Các tổ chức đảng chưa hoàn thành nhiệm vụ, đã quá hạn",
            "Units with open tasks past their due date",
        ),
    ),
    (
        "overdue --as-of",
        t(
            "Tính đến ngày (mặc định: hôm nay, giờ Việt Nam)",
            "As of this date (default: today in Vietnam)",
        ),
    ),
    (
        "overdue --exit-code",
        t(
            "Thoát với mã 1 khi có việc quá hạn (cho cron)",
            "Exit with status 1 when anything is overdue (for cron)",
        ),
    ),
    (
        "overdue --quiet",
        t(
            "Không hiển thị gì khi không có việc quá hạn (cho cron)",
            "Print nothing when nothing is overdue (for cron)",
        ),
    ),
    (
        "--format",
        t(
            "Định dạng kết quả (mặc định: theo đuôi tên tệp --output, nếu không thì bảng)",
            "Output format (default: from the --output file's extension, else a table)",
        ),
    ),
    (
        "upcoming",
        t(
            "Nhiệm vụ sắp đến hạn, xếp theo hạn, gần nhất lên đầu",
            "Open tasks falling due soon, soonest first",
        ),
    ),
    (
        "upcoming --days",
        t(
            "Trong bao nhiêu ngày tới (mặc định: 7)",
            "How many days ahead (default 7)",
        ),
    ),
    (
        "upcoming --within",
        t(
            "Trong bao nhiêu ngày tới (ví dụ --within 14), hoặc chỉ các tổ chức đảng thuộc một đơn vị",
            "Days ahead (e.g. --within 14), or only the units under one unit",
        ),
    ),
    (
        "upcoming --quiet",
        t(
            "Không hiển thị gì khi không có việc sắp đến hạn",
            "Print nothing when nothing falls due",
        ),
    ),
    (
        "progress",
        t(
            "Tiến độ: số và tỷ lệ hoàn thành đúng hạn, quá hạn, chưa hoàn thành theo từng nhiệm vụ",
            "Progress: counts and shares of done on time, done late, open and overdue per task",
        ),
    ),
    (
        "progress --by",
        t("Cách nhóm các dòng", "How the lines are grouped"),
    ),
    (
        "agenda",
        t(
            "Mọi nhiệm vụ của một tổ chức đảng và các tổ chức đảng trực thuộc, kèm tình trạng",
            "Everything one unit and the units under it owe or have done, with status",
        ),
    ),
    (
        "agenda UNIT",
        t("Đơn vị (mã hoặc tên)", "The unit (code or name)"),
    ),
    (
        "completions",
        t(
            "Hiển thị đoạn mã giúp trình dòng lệnh (shell) tự gợi ý lệnh khi bấm phím Tab",
            "Print shell completions",
        ),
    ),
    (
        "completions SHELL",
        t(
            "Trình dòng lệnh (shell) đang dùng trên máy",
            "The shell in use",
        ),
    ),
    (
        "man",
        t(
            "Hiển thị trang hướng dẫn đầy đủ (định dạng man)",
            "Print the man page",
        ),
    ),
    (
        "--as-of",
        t(
            "Tính đến ngày (mặc định: hôm nay, giờ Việt Nam)",
            "As of this date (default: today in Vietnam)",
        ),
    ),
    (
        "--within",
        t(
            "Chỉ các tổ chức đảng thuộc đơn vị này (mã hoặc tên)",
            "Only units under this one (code or name)",
        ),
    ),
    (
        "--directive",
        t(
            "Chỉ nhiệm vụ của văn bản này",
            "Only the tasks of this directive",
        ),
    ),
    (
        "--issuer",
        t(
            "Cơ quan ban hành văn bản, khi ký hiệu trùng",
            "The directive's issuer, when its symbol recurs",
        ),
    ),
    ("--task", t("Chỉ nhiệm vụ này", "Only this task")),
    (
        "--kind",
        t("Chỉ tổ chức đảng thuộc loại này", "Only units of this kind"),
    ),
    (
        "--bom",
        t(
            "Thêm dấu BOM đầu tệp CSV để Excel trên Windows hiện đúng tiếng Việt (chỉ với định dạng csv)",
            "Start CSV with a byte-order mark so that Excel on Windows shows Vietnamese (csv only)",
        ),
    ),
    (
        "demo",
        t(
            "Dựng cơ sở dữ liệu mẫu Sơn Tây (tệp riêng, không đụng tới dữ liệu thật) và hiển thị danh sách quá hạn",
            "Build the Sơn Tây demo database (a file of its own, never your real data) and print who is overdue",
        ),
    ),
    (
        "task renew",
        t(
            "Lập nhiệm vụ năm mới từ nhiệm vụ năm trước: tên và mã đổi năm, thời hạn dời theo năm, giao cho các tổ chức đảng (cán bộ) hiện có",
            "Make next year's task from this year's: the year changed in its title and code, due dates moved by the years, owed by the units (people) there are now",
        ),
    ),
    (
        "task renew REF",
        t(
            "Nhiệm vụ năm trước (mã hoặc văn bản)",
            "The task to renew (code or directive)",
        ),
    ),
    (
        "task renew --year",
        t(
            "Năm của nhiệm vụ mới, ví dụ 2024",
            "The year of the new task, e.g. 2024",
        ),
    ),
    (
        "task renew --directive",
        t(
            "Kế hoạch của năm mới (mặc định: văn bản của nhiệm vụ cũ)",
            "The new year's plan (default: the old task's directive)",
        ),
    ),
    (
        "task renew --issuer",
        t(
            "Cơ quan ban hành văn bản đó, khi ký hiệu trùng",
            "That directive's issuer, when its symbol recurs",
        ),
    ),
    (
        "task renew --code",
        t(
            "Mã nhiệm vụ mới (mặc định: mã cũ đổi năm, như kiem-diem-2024; mã cũ không có năm thì lấy theo văn bản)",
            "The new task's code (default: the old one with the year changed, like kiem-diem-2024; else one from the directive)",
        ),
    ),
    (
        "task renew --title",
        t(
            "Tên nhiệm vụ mới (mặc định: tên cũ đổi năm; tên không có năm thì giữ nguyên)",
            "The new title (default: the old one with the year changed; kept as it is when it has no year)",
        ),
    ),
    (
        "task renew --within",
        t(
            "Chỉ các tổ chức đảng thuộc đơn vị này (mặc định: như nhiệm vụ cũ)",
            "Only units under this one (default: as the old task)",
        ),
    ),
    (
        "task renew --force",
        t(
            "Ghi cả khi thời hạn trước ngày ban hành văn bản",
            "Record it even when a due date is before the directive was issued",
        ),
    ),
    (
        "task renew --dry-run",
        t(
            "Chỉ hiển thị nhiệm vụ sẽ lập (mã, tên, thời hạn từng loại, số tổ chức đảng), không ghi gì",
            "Only print the task it would make (code, title, due dates per kind, units), write nothing",
        ),
    ),
    (
        "task edit --due",
        t(
            "Đổi thời hạn của một loại tổ chức đảng, LOẠI=NGÀY: các tổ chức đảng chưa hoàn thành chuyển sang hạn mới (hiện như gia hạn, hạn cũ vẫn thấy); cần --reason",
            "Move the due date of one kind, KIND=DATE: units not done yet move (shown as an extension, the first date kept); needs --reason",
        ),
    ),
    (
        "task edit --add-due",
        t(
            "Thêm thời hạn cho một loại tổ chức đảng, LOẠI=NGÀY: các tổ chức đảng loại đó trong phạm vi nhiệm vụ phải thực hiện",
            "Add a kind with its due date, KIND=DATE: the units of that kind in the task's scope owe it",
        ),
    ),
    (
        "task edit --remove-due",
        t(
            "Bỏ thời hạn của một loại tổ chức đảng khi chưa có tổ chức đảng nào thuộc loại đó hoàn thành; nhiệm vụ của các tổ chức đảng đó bỏ theo (nhật ký vẫn lưu)",
            "Remove a kind none of whose units has done the task; their obligations go (the log keeps them)",
        ),
    ),
    (
        "task edit --reason",
        t(
            "Lý do đổi thời hạn (bắt buộc với --due), ví dụ số công văn",
            "Why the due date changes (required with --due), e.g. the letter's number",
        ),
    ),
    (
        "task edit --all",
        t(
            "Dời cả hạn của các tổ chức đảng đã hoàn thành (mặc định: các trường hợp đã hoàn thành vẫn tính theo hạn cũ)",
            "Move the due date of units that are done too (default: they keep the one they were judged against)",
        ),
    ),
    (
        "task edit --force",
        t(
            "Ghi cả khi thời hạn trước ngày ban hành văn bản",
            "Record it even when a due date is before the directive was issued",
        ),
    ),
    (
        "upcoming --count",
        t(
            "Chỉ hiển thị số trường hợp sắp đến hạn (như số dòng của danh sách), cho cron",
            "Print only the number of cases falling due (the rows the list would have), for cron",
        ),
    ),
    (
        "upcoming --exit-code",
        t(
            "Thoát với mã 1 khi có việc sắp đến hạn (cho cron nhắc trước hạn)",
            "Exit with status 1 when something falls due (for a cron reminder)",
        ),
    ),
    (
        "unit add --no-tasks",
        t(
            "Không giao cho tổ chức đảng mới các nhiệm vụ đang thực hiện theo loại và cấp trên của tổ chức đảng đó (mặc định: giao những nhiệm vụ có hạn từ ngày thành lập trở đi)",
            "Give the new unit none of the open tasks of its kind and place (default: those due on or after its founding day)",
        ),
    ),
    (
        "unit import --no-tasks",
        t(
            "Không giao cho các tổ chức đảng mới các nhiệm vụ đang thực hiện theo loại và cấp trên của chúng",
            "Give the new units none of the open tasks of their kind and place",
        ),
    ),
    (
        "task assign",
        t(
            "Giao nhiệm vụ đã có cho tổ chức đảng chưa được giao (tổ chức đảng mới thành lập, mới đổi loại); với nhiệm vụ của cán bộ: cho cán bộ đang giữ chức tại tổ chức đảng đó",
            "Give an existing task to units that do not owe it (new units, units of a new kind); on a task for people, to the people in post there",
        ),
    ),
    (
        "task assign REF",
        t("Nhiệm vụ (mã hoặc văn bản)", "The task (code or directive)"),
    ),
    (
        "task assign --unit",
        t(
            "Các tổ chức đảng được giao (mã hoặc tên; một hay nhiều); phải thuộc phạm vi nhiệm vụ và thuộc loại có hạn, hoặc cho hạn bằng --due",
            "The units to give it to (codes or names; one or more): in the task's scope and of a kind it has a due date for, or give one with --due",
        ),
    ),
    (
        "task assign --missing",
        t(
            "Giao cho mọi tổ chức đảng trong phạm vi, thuộc loại có hạn, chưa được giao nhiệm vụ; bỏ qua (và nêu tên) tổ chức đảng thành lập sau hạn; chạy lại không thay đổi gì",
            "Give it to every unit in scope, of a kind it has a due date for, that lacks it; units founded after the due date are left out (and named); running it again changes nothing",
        ),
    ),
    (
        "task assign --due",
        t(
            "Hạn cho các tổ chức đảng được giao (mặc định: hạn của nhiệm vụ theo loại của từng tổ chức đảng); không trước ngày thành lập",
            "The due date of the units given it (default: the task's for each unit's kind); not before a unit was founded",
        ),
    ),
    (
        "task assign --force",
        t(
            "Vẫn giao dù hạn (--due) trước ngày ban hành văn bản",
            "Give it although the due date (--due) is before the directive was issued",
        ),
    ),
    (
        "results",
        t(
            "Kết quả thực hiện một nhiệm vụ: mỗi tổ chức đảng (hoặc cán bộ) được giao là một dòng, theo thứ tự trong hệ thống, có STT, hạn, ngày hoàn thành, tình trạng, xếp loại, minh chứng và ghi chú",
            "The results of one task: a numbered line per unit (or person) that owes it, in tree order, with due date, date done, status, rating, evidence and note",
        ),
    ),
    (
        "results TASK",
        t(
            "Nhiệm vụ: mã, tên, hoặc văn bản khi văn bản chỉ có một nhiệm vụ",
            "The task: its code, title, or its directive when that has only one task",
        ),
    ),
    (
        "--output",
        t(
            "Ghi vào tệp này thay vì hiển thị (bắt buộc với --format xlsx); tệp đã có thì không ghi đè, trừ khi có --force",
            "Write to this file instead of printing (required with --format xlsx); an existing file is left alone unless --force",
        ),
    ),
    (
        "--force",
        t(
            "Thay tệp --output đã có bằng tệp mới (tệp cũ còn nguyên cho đến khi tệp mới ghi xong)",
            "Replace an existing --output file (the old one stays whole until the new one is written)",
        ),
    ),
    (
        "unit import --sheet",
        t(
            "Trang tính của bảng tính Excel (mặc định: trang đầu tiên đang hiện)",
            "The sheet of an Excel workbook (default: the first one shown)",
        ),
    ),
    (
        "person import --sheet",
        t(
            "Trang tính của bảng tính Excel (mặc định: trang đầu tiên đang hiện)",
            "The sheet of an Excel workbook (default: the first one shown)",
        ),
    ),
    (
        "done --sheet",
        t(
            "Trang tính của bảng tính Excel cho --from (mặc định: trang đầu tiên đang hiện)",
            "The sheet of the Excel workbook given with --from (default: the first one shown)",
        ),
    ),
    (
        "settings",
        t(
            "Thông tin của cơ quan trên văn bản (báo cáo, công văn): cấp trên, cơ quan, ký hiệu, địa danh, người ký, nơi nhận; không có lệnh con thì liệt kê",
            "What the committee's documents say of it (reports, letters): committee above, body, code, place, signer, recipients; with no subcommand, lists them",
        ),
    ),
    (
        "settings set",
        t(
            "Đặt một thiết lập (ghi nhật ký, hoàn tác được bằng undo)",
            "Set one setting (logged; undo takes it back)",
        ),
    ),
    (
        "settings set KEY",
        t(
            "Khóa, có dấu hay không đều được: cap-tren, co-quan, ky-hieu, dia-danh, quyen-han, chuc-vu, nguoi-ky, noi-nhan, noi-nhan-cong-van",
            "The key, with or without accents: cap-tren, co-quan, ky-hieu, dia-danh, quyen-han, chuc-vu, nguoi-ky, noi-nhan, noi-nhan-cong-van",
        ),
    ),
    (
        "settings set VALUE",
        t(
            "Giá trị; noi-nhan và noi-nhan-cong-van nhận nhiều giá trị, mỗi giá trị một dòng",
            "The value; noi-nhan and noi-nhan-cong-van take several, one line each",
        ),
    ),
    (
        "settings unset",
        t(
            "Bỏ một thiết lập: văn bản lại để '…' ở chỗ đó",
            "Remove a setting: documents leave '…' there again",
        ),
    ),
    ("settings unset KEY", t("Khóa", "The key")),
    (
        "report",
        t(
            "Lập báo cáo kết quả thực hiện một nhiệm vụ theo thể thức văn bản của Đảng (Hướng dẫn 36-HD/VPTW), tệp Word (.docx) hoặc HTML để in",
            "Write the report on one task in the form of Party documents (Guidance 36-HD/VPTW), as Word (.docx) or HTML to print",
        ),
    ),
    (
        "report TASK",
        t("Nhiệm vụ (mã hoặc văn bản)", "The task (code or directive)"),
    ),
    (
        "report --as-of",
        t(
            "Tính đến ngày này, cũng là ngày của văn bản (mặc định: hôm nay)",
            "Counted as of this day, which is also the document's date (default: today)",
        ),
    ),
    (
        "report --number",
        t(
            "Số văn bản (25 trong Số 25-BC/BTCTU); bỏ trống thì để '…' cho văn thư điền",
            "The document's number (25 in 'Số 25-BC/BTCTU'); without it, '…' for the records clerk to fill",
        ),
    ),
    (
        "report --output",
        t(
            "Tệp sẽ ghi: .docx hoặc .html; tệp mới, chỉ chủ sở hữu đọc được",
            "The file to write: .docx or .html; a new file, readable by its owner only",
        ),
    ),
    (
        "report --format",
        t(
            "Loại tệp (mặc định: theo đuôi tên tệp)",
            "The kind of file (default: from the file's name)",
        ),
    ),
    (
        "report --force",
        t(
            "Thay tệp đã có (mặc định: không ghi đè)",
            "Replace an existing file (default: never written over)",
        ),
    ),
    (
        "remind",
        t(
            "Lập công văn đôn đốc các tổ chức đảng chưa hoàn thành, quá hạn một nhiệm vụ: một công văn chung, hoặc mỗi tổ chức đảng một công văn (--each)",
            "Write the reminder letter to the units overdue on a task: one letter for all, or one per unit (--each)",
        ),
    ),
    (
        "remind TASK",
        t("Nhiệm vụ (mã hoặc văn bản)", "The task (code or directive)"),
    ),
    (
        "remind --as-of",
        t(
            "Quá hạn tính đến ngày này, cũng là ngày của công văn (mặc định: hôm nay)",
            "Overdue as of this day, which is also the letter's date (default: today)",
        ),
    ),
    (
        "remind --number",
        t(
            "Số công văn (trong Số …-CV/BTCTU); với --each, các công văn được đánh số tiếp nhau từ số này; bỏ trống thì để '…'",
            "The letter's number (in 'Số …-CV/BTCTU'); with --each, the letters are numbered on from it; without it, '…'",
        ),
    ),
    (
        "remind --each",
        t(
            "Mỗi tổ chức đảng một công văn, tên tệp theo mã đơn vị, trong thư mục --output",
            "One letter per unit, named by the unit's code, in the folder --output",
        ),
    ),
    (
        "remind --output",
        t(
            "Tệp sẽ ghi (.docx hoặc .html); với --each là thư mục",
            "The file to write (.docx or .html); with --each, a folder",
        ),
    ),
    (
        "remind --format",
        t(
            "Loại tệp (mặc định: theo đuôi tên tệp; với --each: docx)",
            "The kind of file (default: from the file's name; with --each: docx)",
        ),
    ),
    (
        "remind --force",
        t(
            "Thay tệp đã có (mặc định: không ghi đè)",
            "Replace existing files (default: never written over)",
        ),
    ),
    (
        "--show-secret",
        t(
            "Hiển thị cả trích yếu văn bản mật (và tên nhiệm vụ của chúng) trong báo cáo, nhật ký, tài liệu, bảng tính và thông báo; mặc định chỉ hiển thị số, ký hiệu và độ mật, ví dụ 188-KH/TU (Mật) (các lệnh directive list, directive show và task list vẫn hiện trích yếu khi hiển thị trên màn hình). Chỉ khi có tùy chọn này mới tìm được văn bản mật theo trích yếu. Không ghi đè tệp người khác đọc được (quyền rộng hơn 0600)",
            "Print the subjects of secret directives (and their tasks' titles) in reports, the log, documents, spreadsheets and messages; by default only the symbol and mark are printed, e.g. 188-KH/TU (Mật) (directive list/show and task list still show subjects on a terminal). Words of a secret subject find its directive only with this option. A file others may read (mode wider than 0600) is not replaced",
        ),
    ),
    (
        "directive add --secrecy",
        t(
            "Độ mật: mat, toi-mat, tuyet-mat (hoặc Mật, Tối mật, Tuyệt mật; có dấu hay không dấu)",
            "Classification: mat, toi-mat, tuyet-mat (or 'Mật', 'Tối mật', 'Tuyệt mật', with or without accents)",
        ),
    ),
    (
        "directive add --urgency",
        t(
            "Độ khẩn: khan, thuong-khan, hoa-toc (hoặc Khẩn, Thượng khẩn, Hỏa tốc)",
            "Urgency: khan, thuong-khan, hoa-toc (or 'Khẩn', 'Thượng khẩn', 'Hỏa tốc')",
        ),
    ),
    (
        "directive edit --secrecy",
        t(
            "Độ mật mới: mat, toi-mat, tuyet-mat; none để bỏ độ mật",
            "The new classification: mat, toi-mat, tuyet-mat; none removes it",
        ),
    ),
    (
        "directive edit --urgency",
        t(
            "Độ khẩn mới: khan, thuong-khan, hoa-toc; none để bỏ độ khẩn",
            "The new urgency: khan, thuong-khan, hoa-toc; none removes it",
        ),
    ),
    (
        "init --encrypt",
        t(
            "Tạo cơ sở dữ liệu mã hóa: khóa lấy từ tệp THEODOI_KEY_FILE (quyền 0600), không có thì nhập hai lần trên màn hình",
            "Create an encrypted database: the key from the THEODOI_KEY_FILE file (mode 0600), else typed twice on a terminal",
        ),
    ),
    (
        "demo --encrypt",
        t(
            "Dựng cơ sở dữ liệu mẫu ở dạng mã hóa (khóa như init --encrypt)",
            "Build the demo database encrypted (the key as for init --encrypt)",
        ),
    ),
    (
        "encrypt",
        t(
            "Mã hóa cơ sở dữ liệu tại chỗ: chép sang tệp mới mã hóa, kiểm tra, rồi thay tệp cũ; khóa từ THEODOI_KEY_FILE hoặc nhập hai lần trên màn hình",
            "Encrypt the database in place: copied to a new encrypted file, checked, then put in the old one's place; the key from THEODOI_KEY_FILE or typed twice on a terminal",
        ),
    ),
    (
        "key",
        t(
            "Tệp khóa cho cơ sở dữ liệu mã hóa",
            "Key files for an encrypted database",
        ),
    ),
    (
        "key new",
        t(
            "Tạo tệp khóa mới: khóa ngẫu nhiên gồm 64 chữ số thập lục phân, chỉ chủ tệp đọc được; không ghi đè tệp đã có",
            "Make a new key file: a random key of 64 hex digits, readable by its owner only; an existing file is never replaced",
        ),
    ),
    (
        "key new FILE",
        t(
            "Tệp khóa mới, ví dụ ~/.theodoi-key",
            "The new key file, e.g. ~/.theodoi-key",
        ),
    ),
    (
        "decrypt",
        t(
            "Giải mã cơ sở dữ liệu tại chỗ (ngược với encrypt): chép sang tệp thường, kiểm tra, rồi thay tệp cũ",
            "Decrypt the database in place (the reverse of encrypt): copied to a plain file, checked, then put in the old one's place",
        ),
    ),
    (
        "copy",
        t(
            "Chép toàn bộ dữ liệu (cả nhật ký) sang một cơ sở dữ liệu trống: từ tệp SQLite sang PostgreSQL hoặc ngược lại",
            "Copy everything (the log too) into an empty database: from an SQLite file to PostgreSQL or back",
        ),
    ),
    (
        "copy --from",
        t(
            "Cơ sở dữ liệu nguồn: tệp SQLite hoặc địa chỉ PostgreSQL (postgres://…)",
            "The source database: an SQLite file or a PostgreSQL address (postgres://…)",
        ),
    ),
    (
        "copy --to",
        t(
            "Cơ sở dữ liệu đích, phải trống: tệp SQLite chưa có hoặc địa chỉ PostgreSQL",
            "The target database, which must be empty: an SQLite file not there yet, or a PostgreSQL address",
        ),
    ),
    (
        "office",
        t(
            "Văn phòng trên máy chủ PostgreSQL: tài khoản của cấp ủy cấp dưới, mỗi văn phòng chỉ ghi cho đơn vị mình; tài khoản chỉ đọc",
            "Offices on a PostgreSQL server: logins of the committees below, each writing only for its own units; read-only logins",
        ),
    ),
    (
        "office add",
        t(
            "Thêm một văn phòng (chủ cơ sở dữ liệu chạy): tài khoản ghi hoàn thành, gia hạn, xếp loại, nhân sự cho một đơn vị và các đơn vị trực thuộc; tạo tài khoản nếu chưa có",
            "Add an office (run by the owner of the database): a login records completions, extensions, ratings and people for a unit and the units under it; the login is made if missing",
        ),
    ),
    (
        "office add NAME",
        t(
            "Tên văn phòng, ví dụ 'Đảng ủy phường Lê Lợi'",
            "The office's name, e.g. 'Đảng ủy phường Lê Lợi'",
        ),
    ),
    (
        "office add --unit",
        t(
            "Đơn vị (mã hoặc tên): văn phòng ghi cho đơn vị này và mọi đơn vị trực thuộc, theo cây đơn vị hiện nay",
            "The unit (code or name): the office writes for it and every unit under it, in today's tree",
        ),
    ),
    (
        "office add --login",
        t(
            "Tài khoản PostgreSQL của cán bộ văn phòng (chữ thường không dấu, chữ số, _)",
            "The office clerk's PostgreSQL login (lower-case letters, digits, _)",
        ),
    ),
    (
        "office add --read-only",
        t(
            "Tài khoản chỉ đọc (lãnh đạo, cron), không cần --unit",
            "A login that only reads (leaders, cron); no --unit",
        ),
    ),
    (
        "office list",
        t("Liệt kê các văn phòng", "List the offices"),
    ),
    (
        "office remove",
        t(
            "Bỏ một văn phòng: tài khoản mất mọi quyền trên cơ sở dữ liệu này (vẫn còn trên máy chủ)",
            "Remove an office: its login loses every right on this database (it stays on the server)",
        ),
    ),
    (
        "office remove NAME",
        t(
            "Tên hoặc tài khoản của văn phòng",
            "The office's name or login",
        ),
    ),
    (
        "unit add --same-name",
        t(
            "Vẫn thêm khi cấp trên đã có tổ chức đảng cùng tên (hai tổ chức đảng khác nhau trùng tên)",
            "Add it even when the parent has a unit of that name (two units that share a name)",
        ),
    ),
    (
        "unit move --same-name",
        t(
            "Vẫn chuyển khi cấp trên mới đã có tổ chức đảng cùng tên (hai tổ chức đảng khác nhau trùng tên)",
            "Move it even when the new parent has a unit of that name (two units that share a name)",
        ),
    ),
    (
        "person import --same-name",
        t(
            "Vẫn nhập dòng có cán bộ cùng họ tên đang giữ chức ở tổ chức đảng đó (hai cán bộ khác nhau trùng họ tên)",
            "Import a row even when the unit has someone of that name in post (two people who share a name)",
        ),
    ),
    (
        "person add --same-name",
        t(
            "Vẫn thêm khi tổ chức đảng đó đã có cán bộ cùng họ tên đang giữ chức (hai cán bộ khác nhau trùng họ tên)",
            "Add them even when the unit has someone of that name in post (two people who share a name)",
        ),
    ),
    (
        "unit rename --same-name",
        t(
            "Vẫn đổi tên khi cấp trên đã có tổ chức đảng khác mang tên ấy (hai tổ chức đảng khác nhau trùng tên)",
            "Rename it even when the parent has another unit of that name (two units that share a name)",
        ),
    ),
];

const EXAMPLES: &[(&str, Text)] = &[
    (
        "",
        t(
            "Ví dụ:\n  theodoi init\n  theodoi directive add 188-KH/TU --issuer 'Ban Thường vụ Thành ủy Hà Nội' --date 06/11/2023 --title '…'\n  theodoi unit import donvi.csv\n  theodoi task add --directive 'Kế hoạch số 223' --title 'Kiểm điểm' --due chi-bo-co-so=06/12/2023 --due dang-bo-co-so=12/12/2023\n  theodoi done --task kh223-1 --unit 'Ngô Quyền' --on 05/12/2023\n  theodoi overdue --as-of 07/12/2023\n  theodoi demo",
            "Examples:\n  theodoi init\n  theodoi directive add 188-KH/TU --issuer 'Ban Thường vụ Thành ủy Hà Nội' --date 06/11/2023 --title '…'\n  theodoi unit import units.csv\n  theodoi task add --directive 'Kế hoạch số 223' --title 'Annual review' --due chi-bo-co-so=06/12/2023 --due dang-bo-co-so=12/12/2023\n  theodoi done --task kh223-1 --unit 'Ngô Quyền' --on 05/12/2023\n  theodoi overdue --as-of 07/12/2023\n  theodoi demo",
        ),
    ),
    (
        "directive add",
        t(
            "Ví dụ:\n  theodoi directive add 188-KH/TU --issuer 'Ban Thường vụ Thành ủy Hà Nội' --date 06/11/2023 --title 'Luân chuyển cán bộ'\n  theodoi directive add 44-QĐ/TU --type quy-dinh --issuer 'Ban Thường vụ Thị ủy Sơn Tây' --date 23/11/2023 --title 'Đánh giá, xếp loại'\n  theodoi directive add 'Kế hoạch số 223' --issuer 'Ban Thường vụ Thị ủy Sơn Tây' --date 23/11/2023 --title 'Kiểm điểm'\n  theodoi directive add 'Đề án số 34-ĐA/TU' --issuer 'Ban Thường vụ Thành ủy Hà Nội' --title 'Tạo nguồn cán bộ'   # chưa rõ ngày",
            "Examples:\n  theodoi directive add 188-KH/TU --issuer 'Ban Thường vụ Thành ủy Hà Nội' --date 06/11/2023 --title 'Staff rotation'\n  theodoi directive add 44-QĐ/TU --type quy-dinh --issuer 'Ban Thường vụ Thị ủy Sơn Tây' --date 23/11/2023 --title 'Annual rating'\n  theodoi directive add 'Kế hoạch số 223' --issuer 'Ban Thường vụ Thị ủy Sơn Tây' --date 23/11/2023 --title 'Annual review'\n  theodoi directive add 'Đề án số 34-ĐA/TU' --issuer 'Ban Thường vụ Thành ủy Hà Nội' --title 'Cadre sourcing'   # date unknown",
        ),
    ),
    (
        "unit edit",
        t(
            "Ví dụ:\n  theodoi unit edit cb-ubkt --alias 'Chi bộ UBKT' --alias 'Kiểm tra'\n  theodoi unit edit cb-ubkt --remove-alias 'Kiểm tra'\n  theodoi done --task kiem-diem-2023 --unit 'Chi bộ UBKT' --on 05/12/2023\n  theodoi unit edit cb-trung-tam-y-te --kind dang-bo-co-so --on 01/07/2025\n  theodoi unit move cb-kho-bac --to p-le-loi --kind chi-bo-truc-thuoc --on 01/07/2025",
            "Examples:\n  theodoi unit edit cb-ubkt --alias 'Chi bộ UBKT' --alias 'Kiểm tra'\n  theodoi unit edit cb-ubkt --remove-alias 'Kiểm tra'\n  theodoi done --task kiem-diem-2023 --unit 'Chi bộ UBKT' --on 05/12/2023\n  theodoi unit edit cb-trung-tam-y-te --kind dang-bo-co-so --on 01/07/2025\n  theodoi unit move cb-kho-bac --to p-le-loi --kind chi-bo-truc-thuoc --on 01/07/2025",
        ),
    ),
    (
        "unit add",
        t(
            "Ví dụ:\n  theodoi unit add 'Đảng bộ thị xã Sơn Tây' --kind dang-bo-cap-tren --code son-tay\n  theodoi unit add 'Đảng bộ phường Ngô Quyền' --kind 'đảng bộ cơ sở' --parent son-tay --code p-ngo-quyen\n  # nhận các nhiệm vụ đang mở có hạn từ ngày thành lập trở đi\n  theodoi unit add 'Chi bộ Trường THCS Sơn Lộc' --kind chi-bo-co-so --parent son-tay --founded 01/12/2023",
            "Examples:\n  theodoi unit add 'Đảng bộ thị xã Sơn Tây' --kind dang-bo-cap-tren --code son-tay\n  theodoi unit add 'Đảng bộ phường Ngô Quyền' --kind 'đảng bộ cơ sở' --parent son-tay --code p-ngo-quyen\n  # owes the open tasks due on or after the day it was founded\n  theodoi unit add 'Chi bộ Trường THCS Sơn Lộc' --kind chi-bo-co-so --parent son-tay --founded 01/12/2023",
        ),
    ),
    (
        "unit import",
        t(
            "Ví dụ:\n  theodoi unit import donvi.xlsx --dry-run     # chỉ kiểm tra\n  theodoi unit import donvi.xlsx --sheet 'Danh sách đơn vị'\n  theodoi unit import donvi.csv\n\nTệp mẫu (CSV; bảng tính thì có cột 'STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại tổ chức đảng', 'Trực thuộc', 'Ngày thành lập'):\n  code,name,kind,parent\n  son-tay,Đảng bộ thị xã Sơn Tây,dang-bo-cap-tren,\n  p-ngo-quyen,Đảng bộ phường Ngô Quyền,dang-bo-co-so,son-tay\n  ,Chi bộ tổ dân phố 1 phường Ngô Quyền,chi bộ trực thuộc,Đảng bộ phường Ngô Quyền",
            "Examples:\n  theodoi unit import units.xlsx --dry-run     # check only\n  theodoi unit import units.xlsx --sheet 'Danh sách đơn vị'\n  theodoi unit import units.csv\n\nSample file (CSV; a sheet has columns 'STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại tổ chức đảng', 'Trực thuộc', 'Ngày thành lập'):\n  code,name,kind,parent\n  son-tay,Đảng bộ thị xã Sơn Tây,dang-bo-cap-tren,\n  p-ngo-quyen,Đảng bộ phường Ngô Quyền,dang-bo-co-so,son-tay\n  ,Chi bộ tổ dân phố 1 phường Ngô Quyền,chi bộ trực thuộc,Đảng bộ phường Ngô Quyền",
        ),
    ),
    (
        "task add",
        t(
            "Ví dụ:\n  theodoi task add --directive 'Kế hoạch số 223' --code kiem-diem-2023 --title 'Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023' --due chi-bo-co-so=06/12/2023 --due dang-bo-co-so=12/12/2023",
            "Example:\n  theodoi task add --directive 'Kế hoạch số 223' --code kiem-diem-2023 --title 'Annual review 2023' --due chi-bo-co-so=06/12/2023 --due dang-bo-co-so=12/12/2023",
        ),
    ),
    (
        "done",
        t(
            "Ví dụ:\n  theodoi done --task kiem-diem-2023 --unit 'Ngô Quyền' --on 05/12/2023 --evidence 'Biên bản hội nghị ngày 05/12/2023'\n  # bảng tính các tổ chức đảng gửi về: cột 'Tên đơn vị', 'Ngày hoàn thành', 'Minh chứng', 'Ghi chú'\n  theodoi done --task kiem-diem-2023 --from ketqua.xlsx --dry-run\n  theodoi done --task kiem-diem-2023 --from ketqua.xlsx --sheet 'Tổng hợp'",
            "Examples:\n  theodoi done --task kiem-diem-2023 --unit 'Ngô Quyền' --on 05/12/2023 --evidence 'Minutes of 05/12/2023'\n  # the sheet the units sent back: columns 'Tên đơn vị', 'Ngày hoàn thành', 'Minh chứng', 'Ghi chú'\n  theodoi done --task kiem-diem-2023 --from ketqua.xlsx --dry-run\n  theodoi done --task kiem-diem-2023 --from ketqua.xlsx --sheet 'Tổng hợp'",
        ),
    ),
    (
        "overdue",
        t(
            "Ví dụ:\n  theodoi overdue --as-of 07/12/2023\n  theodoi overdue --format csv > quahan.csv\n  theodoi overdue --exit-code --quiet    # cho cron: chỉ báo khi có việc quá hạn",
            "Examples:\n  theodoi overdue --as-of 07/12/2023\n  theodoi overdue --format csv > overdue.csv\n  theodoi overdue --exit-code --quiet    # for cron: prints only when something is late",
        ),
    ),
    (
        "task renew",
        t(
            "Ví dụ:\n  theodoi task renew kiem-diem-2023 --year 2024 --dry-run     # xem trước, không ghi gì\n  theodoi task renew kiem-diem-2023 --year 2024\n  theodoi task renew kiem-diem-2024 --year 2025 --directive 'Kế hoạch số 301'",
            "Examples:\n  theodoi task renew kiem-diem-2023 --year 2024 --dry-run     # a preview, nothing written\n  theodoi task renew kiem-diem-2023 --year 2024\n  theodoi task renew kiem-diem-2024 --year 2025 --directive 'Kế hoạch số 301'",
        ),
    ),
    (
        "task edit",
        t(
            "Ví dụ:\n  theodoi task edit kiem-diem-2023 --title 'Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023'\n  theodoi task edit kiem-diem-2023 --due chi-bo-co-so=15/12/2023 --reason 'Theo Công văn số 125-CV/TU'\n  theodoi task edit kiem-diem-2023 --due chi-bo-co-so=15/12/2023 --all --reason 'Điều chỉnh thời hạn chung'\n  theodoi task edit kiem-diem-2023 --add-due chi-bo-truc-thuoc=06/12/2023\n  theodoi task edit kiem-diem-2023 --remove-due chi-bo-truc-thuoc",
            "Examples:\n  theodoi task edit kiem-diem-2023 --title 'Annual review 2023'\n  theodoi task edit kiem-diem-2023 --due chi-bo-co-so=15/12/2023 --reason 'Per letter 125-CV/TU'\n  theodoi task edit kiem-diem-2023 --due chi-bo-co-so=15/12/2023 --all --reason 'Moved for everyone'\n  theodoi task edit kiem-diem-2023 --add-due chi-bo-truc-thuoc=06/12/2023\n  theodoi task edit kiem-diem-2023 --remove-due chi-bo-truc-thuoc",
        ),
    ),
    (
        "upcoming",
        t(
            "Ví dụ:\n  theodoi upcoming --within 14\n  theodoi upcoming --within 7 --quiet --exit-code    # cho cron: nhắc trước hạn một tuần",
            "Examples:\n  theodoi upcoming --within 14\n  theodoi upcoming --within 7 --quiet --exit-code    # for cron: a week's warning",
        ),
    ),
    (
        "task assign",
        t(
            "Ví dụ:\n  theodoi task assign kiem-diem-2023 --unit cb-thcs-son-loc\n  # loại tổ chức đảng chưa có hạn, hoặc thành lập sau hạn: cho hạn\n  theodoi task assign kiem-diem-2023 --unit cb-moi cb-y-te --due 20/12/2023\n  # mọi tổ chức đảng chưa được giao (chạy lại không thay đổi gì)\n  theodoi task assign kiem-diem-2023 --missing\n  # nhiệm vụ của cán bộ: những cán bộ đang giữ chức ở đó\n  theodoi task assign xl-can-bo-2023 --unit 'Ngô Quyền'",
            "Examples:\n  theodoi task assign kiem-diem-2023 --unit cb-thcs-son-loc\n  # a kind with no due date, or founded after it: give one\n  theodoi task assign kiem-diem-2023 --unit cb-moi cb-y-te --due 20/12/2023\n  # every unit that lacks it (again, nothing changes)\n  theodoi task assign kiem-diem-2023 --missing\n  # a task for people: those in post there\n  theodoi task assign xl-can-bo-2023 --unit 'Ngô Quyền'",
        ),
    ),
    (
        "results",
        t(
            "Ví dụ:\n  theodoi results kiem-diem-2023 --as-of 13/12/2023\n  theodoi results kiem-diem-2023 --kind chi-bo-co-so --within son-tay\n  theodoi results 'Kế hoạch số 223' --format csv --bom --output ketqua.csv\n  # tệp Excel để gửi lãnh đạo; --force thay tệp cũ cùng tên\n  theodoi results kiem-diem-2023 --as-of 13/12/2023 --format xlsx --output ketqua.xlsx\n  theodoi overdue --as-of 13/12/2023 --format xlsx --output quahan.xlsx --force",
            "Examples:\n  theodoi results kiem-diem-2023 --as-of 13/12/2023\n  theodoi results kiem-diem-2023 --kind chi-bo-co-so --within son-tay\n  theodoi results 'Kế hoạch số 223' --format csv --bom --output results.csv\n  # an Excel file for the leaders; --force replaces an old one of that name\n  theodoi results kiem-diem-2023 --as-of 13/12/2023 --format xlsx --output results.xlsx\n  theodoi overdue --as-of 13/12/2023 --format xlsx --output overdue.xlsx --force",
        ),
    ),
    (
        "person import",
        t(
            "Ví dụ:\n  theodoi person import canbo.xlsx --dry-run     # cột 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Từ ngày'\n  theodoi person import canbo.xlsx --sheet 'Cán bộ diện BTV'\n  theodoi person import canbo.csv",
            "Examples:\n  theodoi person import canbo.xlsx --dry-run     # columns 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Từ ngày'\n  theodoi person import canbo.xlsx --sheet 'Cán bộ diện BTV'\n  theodoi person import canbo.csv",
        ),
    ),
    (
        "settings",
        t(
            "Ví dụ:\n  theodoi settings set cap-tren 'Thị ủy Sơn Tây'\n  theodoi settings set 'cơ quan' 'Ban Tổ chức'\n  theodoi settings set ky-hieu BTCTU\n  theodoi settings set dia-danh 'Sơn Tây'\n  theodoi settings set quyen-han 'K/T TRƯỞNG BAN'\n  theodoi settings set chuc-vu 'PHÓ TRƯỞNG BAN'\n  theodoi settings set nguoi-ky 'Nguyễn Văn An'\n  theodoi settings set noi-nhan 'Thường trực Thị ủy (để báo cáo)' 'Các đảng bộ, chi bộ cơ sở' 'Lưu Ban Tổ chức'\n  theodoi settings",
            "Examples:\n  theodoi settings set cap-tren 'Thị ủy Sơn Tây'\n  theodoi settings set co-quan 'Ban Tổ chức'\n  theodoi settings set ky-hieu BTCTU\n  theodoi settings set dia-danh 'Sơn Tây'\n  theodoi settings set quyen-han 'K/T TRƯỞNG BAN'\n  theodoi settings set chuc-vu 'PHÓ TRƯỞNG BAN'\n  theodoi settings set nguoi-ky 'Nguyễn Văn An'\n  theodoi settings set noi-nhan 'Thường trực Thị ủy (để báo cáo)' 'Các đảng bộ, chi bộ cơ sở' 'Lưu Ban Tổ chức'\n  theodoi settings",
        ),
    ),
    (
        "report",
        t(
            "Ví dụ:\n  theodoi report kiem-diem-2023 --as-of 13/12/2023 --number 25 --output bao-cao-kiem-diem.docx\n  theodoi report 'Kế hoạch số 223' --output bao-cao.html     # in từ trình duyệt (A4)",
            "Examples:\n  theodoi report kiem-diem-2023 --as-of 13/12/2023 --number 25 --output review-report.docx\n  theodoi report 'Kế hoạch số 223' --output report.html     # print from the browser (A4)",
        ),
    ),
    (
        "remind",
        t(
            "Ví dụ:\n  theodoi remind kiem-diem-2023 --as-of 07/12/2023 --output don-doc.docx\n  theodoi remind kiem-diem-2023 --as-of 13/12/2023 --each --output don-doc/    # don-doc/x-kim-son.docx, …",
            "Examples:\n  theodoi remind kiem-diem-2023 --as-of 07/12/2023 --output reminder.docx\n  theodoi remind kiem-diem-2023 --as-of 13/12/2023 --each --output reminders/    # reminders/x-kim-son.docx, …",
        ),
    ),
    (
        "encrypt",
        t(
            "Ví dụ:\n  theodoi key new ~/.theodoi-key\n  THEODOI_KEY_FILE=~/.theodoi-key theodoi encrypt\n  THEODOI_KEY_FILE=~/.theodoi-key theodoi overdue",
            "Examples:\n  theodoi key new ~/.theodoi-key\n  THEODOI_KEY_FILE=~/.theodoi-key theodoi encrypt\n  THEODOI_KEY_FILE=~/.theodoi-key theodoi overdue",
        ),
    ),
    (
        "office add",
        t(
            "Ví dụ:\n  theodoi office add 'Đảng ủy phường Lê Lợi' --unit p-le-loi --login le_loi\n  theodoi office add 'Lãnh đạo Thị ủy' --login lanh_dao --read-only\n  theodoi office list",
            "Examples:\n  theodoi office add 'Đảng ủy phường Lê Lợi' --unit p-le-loi --login le_loi\n  theodoi office add 'Lãnh đạo Thị ủy' --login lanh_dao --read-only\n  theodoi office list",
        ),
    ),
];

// clap's own words: the usage line, placeholders, possible values, defaults.

pub const PLACEHOLDER_COMMAND: Text = t("LỆNH", "COMMAND");
pub const PLACEHOLDER_OPTIONS: Text = t("[TÙY_CHỌN]", "[OPTIONS]");
pub const HELP_VALUES: Text = t("Giá trị: {values}", "Values: {values}");
pub const HELP_DEFAULT: Text = t("mặc định: {value}", "default: {value}");

/// The placeholder of an option's value in the language in force: by the
/// option (`--directive REF` is a directive) or by the placeholder alone.
pub fn placeholder(long: Option<&str>, name: &str) -> Option<Text> {
    let by_option = long.map(|long| format!("{long} {name}"));
    PLACEHOLDERS
        .iter()
        .find(|(k, _)| Some(*k) == by_option.as_deref())
        .or_else(|| PLACEHOLDERS.iter().find(|(k, _)| *k == name))
        .map(|(_, text)| *text)
}

/// What one value of an option means (`--format` `table`), keyed by the
/// option (or a positional's placeholder) and the value.
pub fn value_help(key: &str, value: &str) -> Option<Text> {
    let wanted = format!("{key}={value}");
    VALUE_HELP
        .iter()
        .find(|(k, _)| *k == wanted)
        .map(|(_, text)| *text)
}

const PLACEHOLDERS: &[(&str, Text)] = &[
    ("--directive REF", t("VĂN_BẢN", "DIRECTIVE")),
    ("--task REF", t("NHIỆM_VỤ", "TASK")),
    ("--unit REF", t("ĐƠN_VỊ", "UNIT")),
    ("--person REF", t("CÁN_BỘ", "PERSON")),
    ("--secrecy MARK", t("ĐỘ_MẬT", "CLASSIFICATION")),
    ("--urgency MARK", t("ĐỘ_KHẨN", "URGENCY")),
    ("--within DAYS|UNIT", t("SỐ_NGÀY|ĐƠN_VỊ", "DAYS|UNIT")),
    ("DATE", t("NGÀY", "DATE")),
    ("REF", t("MÃ_HOẶC_TÊN", "REF")),
    ("NAME", t("TÊN", "NAME")),
    ("TEXT", t("NỘI_DUNG", "TEXT")),
    ("UNIT", t("ĐƠN_VỊ", "UNIT")),
    ("FILE", t("TỆP", "FILE")),
    ("PATH", t("TỆP", "PATH")),
    ("KIND", t("LOẠI", "KIND")),
    ("CODE", t("MÃ", "CODE")),
    ("TASK", t("NHIỆM_VỤ", "TASK")),
    ("KIND=DATE", t("LOẠI=NGÀY", "KIND=DATE")),
    ("VALUE", t("GIÁ_TRỊ", "VALUE")),
    ("TYPE", t("LOẠI_VĂN_BẢN", "TYPE")),
    ("SYMBOL", t("SỐ_KÝ_HIỆU", "SYMBOL")),
    ("N", t("SỐ", "N")),
    ("KEY", t("TÊN", "KEY")),
    ("vi|en", t("vi|en", "vi|en")),
    ("YEAR", t("NĂM", "YEAR")),
    ("SHELL", t("TRÌNH_DÒNG_LỆNH", "SHELL")),
    ("REASON", t("LÝ_DO", "REASON")),
    ("RATING", t("XẾP_LOẠI", "RATING")),
    ("PARENT", t("CẤP_TRÊN", "PARENT")),
    ("OLD", t("CŨ", "OLD")),
    ("NEW", t("MỚI", "NEW")),
    ("DAYS", t("SỐ_NGÀY", "DAYS")),
    ("CHANGE", t("SỐ_THỨ_TỰ", "CHANGE")),
    ("FORMAT", t("ĐỊNH_DẠNG", "FORMAT")),
    ("BY", t("CÁCH_NHÓM", "BY")),
    ("--from DB", t("NGUỒN", "DB")),
    ("--to DB", t("ĐÍCH", "DB")),
    ("LOGIN", t("TÀI_KHOẢN", "LOGIN")),
];

const VALUE_HELP: &[(&str, Text)] = &[
    (
        "--format=table",
        t(
            "bảng để đọc, ngày dạng dd/mm/yyyy",
            "a table to read, dates as dd/mm/yyyy",
        ),
    ),
    (
        "--format=json",
        t(
            "một mảng JSON, ngày dạng ISO, tên trường cố định",
            "one JSON array, ISO dates, stable field names",
        ),
    ),
    (
        "--format=csv",
        t(
            "CSV, dòng đầu là tên trường như JSON, ngày dạng ISO",
            "CSV with the JSON field names as header, ISO dates",
        ),
    ),
    (
        "--format=md",
        t(
            "bảng Markdown có tiêu đề, để dán vào thư hoặc Word",
            "a Markdown table under a heading, for mail or Word",
        ),
    ),
    (
        "--format=xlsx",
        t(
            "tệp Excel, cần --output",
            "an Excel workbook, needs --output",
        ),
    ),
    ("--format=docx", t("văn bản Word", "a Word document")),
    (
        "--format=html",
        t("trang HTML để in", "an HTML page to print"),
    ),
    (
        "--by=kind",
        t("mỗi loại tổ chức đảng một dòng", "one line per unit kind"),
    ),
    (
        "--by=parent",
        t(
            "mỗi tổ chức đảng có cấp dưới một dòng, cộng dồn cả hệ thống bên dưới",
            "one line per unit with units under it, counting its whole subtree",
        ),
    ),
];
