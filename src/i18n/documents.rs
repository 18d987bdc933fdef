//! What `settings`, `report` and `remind` say to the clerk (the documents
//! themselves are Party documents: always Vietnamese, composed in `doc`).

use super::{Text, short, t, tr};
use crate::domain::Error;
use crate::domain::setting::{
    CODE_MAX, LINES_MAX, NO_SIGN_FORM, SIGN_FORMS, SettingKey, SettingProblem,
};

/// What a setting is, in the language in force.
pub fn setting_meaning(key: SettingKey) -> Text {
    match key {
        SettingKey::CapTren => t(
            "Cấp ủy cấp trên, dòng đầu góc trái (THỊ ỦY SƠN TÂY)",
            "The committee above, first line top left (THỊ ỦY SƠN TÂY)",
        ),
        SettingKey::CoQuan => t(
            "Cơ quan ban hành, in đậm dưới cấp trên (BAN TỔ CHỨC); chỉ ghi “Ban Tổ chức”, không kèm tên cấp ủy (đã có ở cap-tren)",
            "The issuing body, bold under it (BAN TỔ CHỨC); only “Ban Tổ chức”, without the committee's name (that is cap-tren)",
        ),
        SettingKey::KyHieu => t(
            "Ký hiệu cơ quan trong số văn bản (BTCTU trong Số 25-BC/BTCTU)",
            "The body's code in a number and symbol (BTCTU in Số 25-BC/BTCTU)",
        ),
        SettingKey::DiaDanh => t(
            "Địa danh ở dòng ngày tháng (Sơn Tây)",
            "The place in the date line (Sơn Tây)",
        ),
        SettingKey::QuyenHan => t(
            "Quyền hạn ký: T/M, K/T, T/L, T/UQ và phần sau (T/M BAN TỔ CHỨC, K/T TRƯỞNG BAN), '-' nếu ký trực tiếp; chỉ T/M thì thêm tên cơ quan",
            "The form of signing: T/M, K/T, T/L, T/UQ and what follows (T/M BAN TỔ CHỨC, K/T TRƯỞNG BAN), '-' when the head signs; T/M alone adds the body's name",
        ),
        SettingKey::ChucVu => t(
            "Chức vụ người ký (TRƯỞNG BAN, PHÓ TRƯỞNG BAN)",
            "The signer's title (TRƯỞNG BAN, PHÓ TRƯỞNG BAN)",
        ),
        SettingKey::NguoiKy => t("Họ tên người ký", "The signer's name"),
        SettingKey::NoiNhan => t(
            "Nơi nhận của báo cáo, mỗi dòng một giá trị",
            "Where a report goes (Nơi nhận), one value per line",
        ),
        SettingKey::NoiNhanCongVan => t(
            "Nơi nhận của công văn đôn đốc sau 'Như trên', mỗi dòng một giá trị (mặc định: dòng 'Lưu …' của noi-nhan)",
            "Where a reminder goes after 'Như trên', one value per line (default: the 'Lưu …' line of noi-nhan)",
        ),
    }
}

pub const WHAT_SETTING: Text = t("giá trị thiết lập", "the setting's value");
pub const H_KEY: Text = t("Khóa", "Key");
pub const SETTING_UNSET_VALUE: Text = t("(chưa đặt)", "(not set)");
pub const SETTING_SET: Text = t(
    "Đã đặt {key}: {value} (trước: {was})",
    "Set {key}: {value} (was {was})",
);
pub const SETTING_REMOVED: Text = t("Đã bỏ {key} (trước: {was})", "Removed {key} (was {was})");
pub const SETTING_NOT_SET: Text = t("chưa đặt", "not set");
pub const SETTING_UNKNOWN: Text = t(
    "không có thiết lập '{input}'; các khóa: {accepted}",
    "no setting '{input}'; the keys: {accepted}",
);
pub const SETTING_BAD_CODE: Text = t(
    "ký hiệu cơ quan '{input}' không hợp lệ: chỉ chữ và số, không quá {max} ký tự, không có '/' hay '-' (ví dụ BTCTU)",
    "invalid code '{input}': letters and digits only, at most {max}, no '/' or '-' (e.g. BTCTU)",
);
pub const SETTING_BAD_SIGN_FORM: Text = t(
    "quyền hạn ký '{input}' không hợp lệ: bắt đầu bằng {forms} (ví dụ 'T/M BAN TỔ CHỨC', 'K/T TRƯỞNG BAN'), hoặc '{none}' nếu ký trực tiếp",
    "invalid form of signing '{input}': start with {forms} (e.g. 'T/M BAN TỔ CHỨC', 'K/T TRƯỞNG BAN'), or '{none}' when the head signs",
);
pub const SETTING_ONE_LINE: Text = t(
    "{key} chỉ nhận một giá trị trên một dòng",
    "{key} takes one value on one line",
);
pub const SETTING_TOO_MANY_LINES: Text = t(
    "{key} có nhiều nhất {max} dòng",
    "{key} takes at most {max} lines",
);
pub const DOC_WRITTEN: Text = t("Đã ghi {path}", "Wrote {path}");
pub const DOC_EACH_WRITTEN: Text = t(
    "Đã ghi {n} công văn vào thư mục {path}",
    "Wrote {n:letter|letters} into folder {path}",
);
pub const DOC_MISSING_SETTINGS: Text = t(
    "Lưu ý: chưa đặt thông tin cơ quan: {keys}; trong văn bản, những chỗ đó để '…' để điền bằng Word. Chỉ cần đặt một lần: `theodoi settings set KHÓA GIÁ_TRỊ` (khóa ghi trong ngoặc)",
    "note: not set: {keys}; the document has '…' there, to fill in Word. Set them once: `theodoi settings set KEY VALUE` (the key is in brackets)",
);
pub const DOC_NOTHING_LATE: Text = t(
    "Không có trường hợp nào chưa hoàn thành, quá hạn nhiệm vụ {task} tính đến ngày {date}; không lập công văn",
    "Nothing is overdue on the task {task} as of {date}; no letter made",
);
pub const DOC_UNKNOWN_FORMAT: Text = t(
    "không biết ghi tệp {path} theo định dạng nào: đặt tên có đuôi .docx hoặc .html, hoặc chọn --format docx|html",
    "cannot tell the format of {path}: name it .docx or .html, or give --format docx|html",
);
pub const DOC_EACH_NOT_FOLDER: Text = t(
    "với --each, --output phải là thư mục (mỗi tổ chức đảng một tệp), mà {path} là một tệp",
    "with --each, --output is a folder (one file per unit), and {path} is a file",
);
pub const DOC_BAD_NUMBER: Text = t(
    "số văn bản không hợp lệ '{input}': chỉ chữ số, không quá 6 chữ số (ví dụ 25)",
    "invalid document number '{input}': digits only, at most 6 (e.g. 25)",
);
pub const DOC_FAILED: Text = t("không ghi được {path}", "could not write {path}");

/// An error of the settings or of a document's file, in words.
pub(super) fn error(e: &Error) -> Option<String> {
    Some(match e {
        Error::UnknownSetting { input } => tr!(
            SETTING_UNKNOWN,
            input = short(input),
            accepted = super::accepted(SettingKey::ALL.iter().map(|k| k.slug().to_string()))
        ),
        Error::BadSetting {
            key,
            input,
            problem,
        } => match problem {
            SettingProblem::Code => tr!(SETTING_BAD_CODE, input = short(input), max = CODE_MAX),
            SettingProblem::SignForm => tr!(
                SETTING_BAD_SIGN_FORM,
                input = short(input),
                forms = SIGN_FORMS.join(", "),
                none = NO_SIGN_FORM
            ),
            SettingProblem::OneLine => tr!(SETTING_ONE_LINE, key = setting_named(*key)),
            SettingProblem::TooManyLines => {
                tr!(
                    SETTING_TOO_MANY_LINES,
                    key = setting_named(*key),
                    max = LINES_MAX
                )
            }
        },
        Error::OutputExists(path) => tr!(super::OUTPUT_EXISTS, path = path.display()),
        _ => return None,
    })
}

/// A setting's short name, in the language in force: `họ tên người ký`.
pub fn setting_name(key: SettingKey) -> Text {
    match key {
        SettingKey::CapTren => t("cấp ủy cấp trên", "the committee above"),
        SettingKey::CoQuan => t("cơ quan ban hành", "the issuing body"),
        SettingKey::KyHieu => t("ký hiệu cơ quan", "the body's code"),
        SettingKey::DiaDanh => t("địa danh", "the place name"),
        SettingKey::QuyenHan => t("quyền hạn ký", "the form of signing"),
        SettingKey::ChucVu => t("chức vụ người ký", "the signer's title"),
        SettingKey::NguoiKy => t("họ tên người ký", "the signer's name"),
        SettingKey::NoiNhan => t("nơi nhận của báo cáo", "the report's recipients"),
        SettingKey::NoiNhanCongVan => t("nơi nhận của công văn đôn đốc", "where a reminder goes"),
    }
}

/// A setting as a message names it: its name, and the key that is typed
/// in brackets (`họ tên người ký (nguoi-ky)`).
pub fn setting_named(key: SettingKey) -> String {
    format!("{} ({})", setting_name(key).get(), key.slug())
}
