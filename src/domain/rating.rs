//! Annual review ratings (xếp loại chất lượng) and the rules that check them.

use serde::Serialize;

use crate::text::fold;

/// The four levels of the annual rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "&'static str")]
pub enum Rating {
    /// Hoàn thành xuất sắc nhiệm vụ.
    Htxsnv,
    /// Hoàn thành tốt nhiệm vụ.
    Httnv,
    /// Hoàn thành nhiệm vụ.
    Htnv,
    /// Không hoàn thành nhiệm vụ.
    Khtnv,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Htxsnv, Rating::Httnv, Rating::Htnv, Rating::Khtnv];

    /// The code used in reports and the database.
    pub fn code(self) -> &'static str {
        match self {
            Rating::Htxsnv => "HTXSNV",
            Rating::Httnv => "HTTNV",
            Rating::Htnv => "HTNV",
            Rating::Khtnv => "KHTNV",
        }
    }

    /// The level's full name, as the regulations write it.
    pub fn official_name(self) -> &'static str {
        match self {
            Rating::Htxsnv => "Hoàn thành xuất sắc nhiệm vụ",
            Rating::Httnv => "Hoàn thành tốt nhiệm vụ",
            Rating::Htnv => "Hoàn thành nhiệm vụ",
            Rating::Khtnv => "Không hoàn thành nhiệm vụ",
        }
    }

    /// The rating with exactly this code (as stored).
    pub fn from_code(s: &str) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| r.code() == s)
    }

    /// Reads a rating from its code or its full name, with or without
    /// accents: `HTTNV`, `httnv`, `Hoàn thành tốt nhiệm vụ`, `hoan thanh tot nhiem vu`.
    pub fn parse(s: &str) -> Option<Rating> {
        let key = fold(s);
        Rating::ALL
            .into_iter()
            .find(|r| key == fold(r.code()) || key == fold(r.official_name()))
    }
}

impl From<Rating> for &'static str {
    fn from(r: Rating) -> Self {
        r.code()
    }
}

/// The rules that check ratings, with their values in force.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rules {
    /// HTXSNV may be at most this percentage of HTTNV within one group.
    pub excellent_quota_pct: f64,
    /// A đảng bộ is recorded done on a day only when the units under it
    /// that owe the task were done by then.
    pub lower_levels_first: bool,
    /// Organizations younger than this many months on the review date are not rated.
    pub min_age_months: u32,
}

/// One rule: its name on the command line and its default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleSpec {
    pub name: &'static str,
    pub default: &'static str,
}

/// Every rule, with the defaults of 124-QĐ/TW (2023).
pub const RULES: [RuleSpec; 3] = [
    RuleSpec {
        name: "htxsnv-quota-pct",
        default: "20",
    },
    RuleSpec {
        name: "lower-levels-first",
        default: "on",
    },
    RuleSpec {
        name: "min-age-months",
        default: "6",
    },
];

/// Why a rule value is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("unknown rule")]
    Unknown(String),
    #[error("bad value")]
    Value(String, &'static str),
}

impl Rules {
    /// The rules from `(name, value)` pairs, defaults for the rest.
    pub fn from_values<'a>(
        values: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Rules, RuleError> {
        let mut rules = Rules::defaults();
        for (name, value) in values {
            rules.set(name, value)?;
        }
        Ok(rules)
    }

    pub fn defaults() -> Rules {
        Rules {
            excellent_quota_pct: 20.0,
            lower_levels_first: true,
            min_age_months: 6,
        }
    }

    /// Sets one rule from its text value, checking it.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), RuleError> {
        let value = value.trim();
        match name {
            "htxsnv-quota-pct" => {
                self.excellent_quota_pct = value
                    .replace(',', ".")
                    .trim_end_matches('%')
                    .parse::<f64>()
                    .ok()
                    .filter(|p| (0.0..=100.0).contains(p))
                    .ok_or_else(|| RuleError::Value(value.into(), "0–100"))?;
            }
            "lower-levels-first" => {
                self.lower_levels_first = match fold(value).as_str() {
                    "on" | "yes" | "true" | "1" | "bat" | "co" => true,
                    "off" | "no" | "false" | "0" | "tat" | "khong" => false,
                    _ => return Err(RuleError::Value(value.into(), "on, off")),
                };
            }
            "min-age-months" => {
                self.min_age_months = value
                    .parse()
                    .ok()
                    .filter(|m| *m <= 120)
                    .ok_or_else(|| RuleError::Value(value.into(), "0–120"))?;
            }
            other => return Err(RuleError::Unknown(other.into())),
        }
        Ok(())
    }

    /// The value of one rule as text.
    pub fn value(&self, name: &str) -> String {
        match name {
            "htxsnv-quota-pct" => format!("{}", self.excellent_quota_pct),
            "lower-levels-first" => (if self.lower_levels_first { "on" } else { "off" }).into(),
            "min-age-months" => self.min_age_months.to_string(),
            _ => String::new(),
        }
    }

    /// Whether `excellent` HTXSNV against `good` HTTNV keeps the quota.
    pub fn quota_kept(&self, excellent: u64, good: u64) -> bool {
        excellent <= quota_max(self.excellent_quota_pct, good)
    }
}

/// The most HTXSNV that `good` HTTNV allow at `pct` percent.
pub fn quota_max(pct: f64, good: u64) -> u64 {
    (pct / 100.0 * good as f64 + 1e-9).floor() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_from_codes_and_names() {
        for (text, want) in [
            ("HTXSNV", Rating::Htxsnv),
            ("httnv", Rating::Httnv),
            ("Hoàn thành nhiệm vụ", Rating::Htnv),
            ("hoan thanh tot nhiem vu", Rating::Httnv),
            ("KHÔNG HOÀN THÀNH NHIỆM VỤ", Rating::Khtnv),
        ] {
            assert_eq!(Rating::parse(text), Some(want), "{text}");
        }
        assert_eq!(Rating::parse("tốt"), None);
    }

    #[test]
    fn quota_and_rule_values() {
        let rules = Rules::defaults();
        // 20% of 10 HTTNV: 2 HTXSNV pass, 3 do not.
        assert!(rules.quota_kept(2, 10));
        assert!(!rules.quota_kept(3, 10));
        assert_eq!(
            (quota_max(20.0, 10), quota_max(20.0, 4), quota_max(15.0, 20)),
            (2, 0, 3)
        );
        let rules = Rules::from_values([("htxsnv-quota-pct", "15")]).unwrap();
        assert!(!rules.quota_kept(2, 10));
        assert!(rules.quota_kept(1, 10));
        let mut rules = Rules::defaults();
        assert!(rules.set("htxsnv-quota-pct", "abc").is_err());
        assert!(rules.set("lower-levels-first", "tắt").is_ok());
        assert!(!rules.lower_levels_first);
        assert_eq!(rules.set("x", "1"), Err(RuleError::Unknown("x".into())));
        for spec in RULES {
            let mut fresh = Rules::defaults();
            fresh.set(spec.name, spec.default).unwrap();
            assert_eq!(fresh, Rules::defaults(), "{}", spec.name);
        }
    }
}
