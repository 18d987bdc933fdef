//! The key of an encrypted database: the text a clerk keeps in a key file
//! or types, checked, and wiped from memory when dropped. A store turns it
//! into whatever its engine asks (`sqlite::cipher`).

use zeroize::Zeroizing;

use crate::domain::error::KeyProblem;

/// A key: one line of text. 64 hexadecimal digits are a raw 256-bit key,
/// used as it is; any other text is a passphrase, from which the engine
/// derives the key (slowly, on purpose).
#[derive(Clone)]
pub struct Key(Zeroizing<String>);

impl Key {
    /// The most bytes of a key.
    pub const MAX_BYTES: usize = 1024;
    /// The fewest characters of a new passphrase.
    pub const MIN_NEW_CHARS: usize = 8;

    /// A key from the bytes of a key file: its one line, without the line
    /// break that ends it. Every other byte counts, spaces included.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Key, KeyProblem> {
        let bytes = Zeroizing::new(bytes);
        let text = std::str::from_utf8(&bytes).map_err(|_| KeyProblem::NotText)?;
        Key::from_text(text)
    }

    /// A key from text (a key file's, or typed): one line break at the end
    /// is not part of it.
    pub fn from_text(text: &str) -> Result<Key, KeyProblem> {
        let line = text
            .strip_suffix("\r\n")
            .or_else(|| text.strip_suffix('\n'))
            .unwrap_or(text);
        if line.is_empty() {
            return Err(KeyProblem::Empty);
        }
        if line.chars().any(char::is_control) {
            return Err(KeyProblem::NotText);
        }
        if line.len() > Key::MAX_BYTES {
            return Err(KeyProblem::TooLong {
                max: Key::MAX_BYTES,
            });
        }
        Ok(Key(Zeroizing::new(line.to_string())))
    }

    /// Refuses, for a new key, a passphrase too short to resist guessing.
    pub fn check_new(&self) -> Result<(), KeyProblem> {
        if self.raw_hex().is_none() && self.0.chars().count() < Key::MIN_NEW_CHARS {
            return Err(KeyProblem::TooShort {
                min: Key::MIN_NEW_CHARS,
            });
        }
        Ok(())
    }

    /// The 64 hexadecimal digits of a raw key; `None` for a passphrase.
    pub fn raw_hex(&self) -> Option<&str> {
        let text = self.0.as_str();
        (text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit())).then_some(text)
    }

    /// The text of the key, for the store that applies it.
    pub fn text(&self) -> &str {
        &self.0
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.0.as_str() == other.0.as_str()
    }
}

/// Never printed, even in a developer's debug output.
impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_one_line_of_text() {
        let key = |s: &str| Key::from_text(s).map(|k| k.text().to_string());
        assert_eq!(key("mật khẩu dài\n").as_deref(), Ok("mật khẩu dài"));
        assert_eq!(key("abc def\r\n").as_deref(), Ok("abc def"));
        assert_eq!(key(" with spaces ").as_deref(), Ok(" with spaces "));
        assert_eq!(key(""), Err(KeyProblem::Empty));
        assert_eq!(key("\n"), Err(KeyProblem::Empty));
        assert_eq!(key("two\nlines\n"), Err(KeyProblem::NotText));
        assert_eq!(key("nul\0byte"), Err(KeyProblem::NotText));
        assert_eq!(
            key(&"x".repeat(Key::MAX_BYTES + 1)),
            Err(KeyProblem::TooLong {
                max: Key::MAX_BYTES
            })
        );
        assert_eq!(
            Key::from_bytes(vec![0xff, 0xfe, b'a']).map(|_| ()),
            Err(KeyProblem::NotText)
        );
    }

    #[test]
    fn a_new_passphrase_is_long_enough_and_a_raw_key_is_known() -> Result<(), KeyProblem> {
        assert_eq!(
            Key::from_text("short")?.check_new(),
            Err(KeyProblem::TooShort {
                min: Key::MIN_NEW_CHARS
            })
        );
        assert_eq!(Key::from_text("tám ký tự")?.check_new(), Ok(()));
        let hex = "0123456789abcdef".repeat(4);
        let raw = Key::from_text(&hex)?;
        assert_eq!(raw.raw_hex(), Some(hex.as_str()));
        assert!(Key::from_text(&hex[..63])?.raw_hex().is_none());
        assert_eq!(format!("{raw:?}"), "Key(…)");
        Ok(())
    }
}
