//! OpenSSL as SQLCipher uses it, made ready once before the first
//! connection: its random bytes straight from the operating system, no
//! configuration file, no clean-up of its own at exit.
//!
//! SQLite starts SQLCipher at the first connection of a process, plain
//! database or not, and SQLCipher seeds its generator of wiped memory with
//! `RAND_bytes`. Left to itself, OpenSSL 3 answers the first `RAND_bytes`
//! by building its DRBGs (providers, the table of algorithm names, two
//! AES-CTR generators): half the work of a short command on a plain
//! database, and then its clean-up at exit. A `RAND_METHOD` set beforehand
//! is called directly instead; this one asks the operating system
//! (`getrandom`: getrandom(2) on Linux, ProcessPrng on Windows), where
//! OpenSSL's own generators take their seed: as sound for SQLCipher's salts,
//! IVs and seeds, and new for each call, also after a fork.
//!
//! OpenSSL is started with three options. No clean-up at exit
//! (`OPENSSL_INIT_NO_ATEXIT`, as the Rust `openssl` crate starts it): it
//! frees tables only to return memory that the end of the process returns
//! anyway, and cannot pull them from under another thread still encrypting
//! a page; SQLCipher's own clean-up, which wipes its memory of keys, still
//! runs. No configuration file (`OPENSSL_INIT_NO_LOAD_CONFIG`): SQLCipher's
//! algorithms come from OpenSSL's built-in provider, and a file found on the
//! machine or named by `OPENSSL_CONF` has no say in how a database is
//! encrypted. No texts of errors (`OPENSSL_INIT_NO_LOAD_CRYPTO_STRINGS`):
//! they serve only SQLCipher's log, which theodoi turns off.

use std::ffi::{c_int, c_uchar, c_void};
use std::sync::Once;

/// OpenSSL's `RAND_METHOD` (`struct rand_meth_st`, public in
/// `openssl/rand.h` since 1.1.0; the test below calls through it).
#[repr(C)]
struct RandMethod {
    seed: Option<unsafe extern "C" fn(buf: *const c_void, num: c_int) -> c_int>,
    bytes: Option<unsafe extern "C" fn(buf: *mut c_uchar, num: c_int) -> c_int>,
    cleanup: Option<unsafe extern "C" fn()>,
    add: Option<unsafe extern "C" fn(buf: *const c_void, num: c_int, entropy: f64) -> c_int>,
    pseudorand: Option<unsafe extern "C" fn(buf: *mut c_uchar, num: c_int) -> c_int>,
    status: Option<unsafe extern "C" fn() -> c_int>,
}

/// `OPENSSL_init_crypto`'s options (`openssl/crypto.h`).
const INIT_NO_LOAD_CRYPTO_STRINGS: u64 = 0x0000_0001;
const INIT_NO_LOAD_CONFIG: u64 = 0x0000_0080;

// In the libcrypto that openssl-sys links (vendored with SQLCipher).
unsafe extern "C" {
    fn RAND_set_rand_method(method: *const RandMethod) -> c_int;
    fn OPENSSL_init_crypto(
        options: u64,
        settings: *const openssl_sys::OPENSSL_INIT_SETTINGS,
    ) -> c_int;
}

/// The operating system's generator, as OpenSSL calls a `RAND_METHOD`.
static SYSTEM_RANDOM: RandMethod = RandMethod {
    // Bytes given to mix in: the system's generator needs none.
    seed: Some(ignore_seed),
    bytes: Some(system_bytes),
    cleanup: None,
    add: Some(ignore_added),
    pseudorand: Some(system_bytes),
    status: Some(seeded),
};

/// `num` random bytes into `buf`: 1, or 0 when the system gives none (then
/// SQLCipher fails the operation; nothing weaker is used).
unsafe extern "C" fn system_bytes(buf: *mut c_uchar, num: c_int) -> c_int {
    let Ok(len) = usize::try_from(num) else {
        return 0;
    };
    if len == 0 {
        return 1;
    }
    if buf.is_null() {
        return 0;
    }
    #[cfg(test)]
    tests::CALLS.with(|calls| calls.set(calls.get() + 1));
    // SAFETY: OpenSSL hands over `num` writable bytes at `buf`.
    let out = unsafe { std::slice::from_raw_parts_mut(buf, len) };
    c_int::from(getrandom::fill(out).is_ok())
}

unsafe extern "C" fn ignore_seed(_buf: *const c_void, _num: c_int) -> c_int {
    1
}

unsafe extern "C" fn ignore_added(_buf: *const c_void, _num: c_int, _entropy: f64) -> c_int {
    1
}

unsafe extern "C" fn seeded() -> c_int {
    1
}

/// Makes OpenSSL ready, once a process, before SQLite starts SQLCipher.
pub(super) fn prepare() {
    static READY: Once = Once::new();
    READY.call_once(|| {
        // Should either fail (out of memory), OpenSSL starts as it would
        // have: slower, as sound.
        // SAFETY: plain calls into OpenSSL; the method is a static that
        // lives as long as the process.
        unsafe {
            OPENSSL_init_crypto(
                openssl_sys::OPENSSL_INIT_NO_ATEXIT
                    | INIT_NO_LOAD_CONFIG
                    | INIT_NO_LOAD_CRYPTO_STRINGS,
                std::ptr::null(),
            );
            RAND_set_rand_method(&SYSTEM_RANDOM);
        }
    });
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::store::Key;
    use crate::store::sqlite::SqliteStore;

    thread_local! {
        /// The calls of `system_bytes` that filled bytes on this thread
        /// (SQLCipher asks on the thread of the connection).
        pub(super) static CALLS: Cell<usize> = const { Cell::new(0) };
    }

    unsafe extern "C" {
        fn RAND_get_rand_method() -> *const RandMethod;
    }

    #[test]
    fn openssl_takes_its_random_bytes_from_the_system_method() {
        prepare();
        // SAFETY: reads the method OpenSSL holds.
        let method = unsafe { RAND_get_rand_method() };
        assert!(std::ptr::eq(method, &SYSTEM_RANDOM));
        // Through OpenSSL's own entry point: a struct laid out otherwise
        // than OpenSSL's would call the wrong function here.
        let mut a = [0u8; 64];
        let mut b = [0u8; 64];
        // SAFETY: 64 writable bytes each.
        unsafe {
            assert_eq!(openssl_sys::RAND_bytes(a.as_mut_ptr(), 64), 1);
            assert_eq!(openssl_sys::RAND_bytes(b.as_mut_ptr(), 64), 1);
        }
        assert_ne!(a, [0u8; 64]);
        assert_ne!(a, b);
    }

    #[test]
    fn nothing_asked_is_nothing_written_and_a_bad_request_fails() {
        // SAFETY: no byte is written for 0, and -1 is refused.
        unsafe {
            assert_eq!(system_bytes(std::ptr::null_mut(), 0), 1);
            assert_eq!(system_bytes(std::ptr::null_mut(), 16), 0);
            let mut one = [0u8; 1];
            assert_eq!(system_bytes(one.as_mut_ptr(), -1), 0);
        }
    }

    #[test]
    fn an_encrypted_database_takes_its_salt_and_ivs_from_the_system()
    -> crate::domain::error::Result<()> {
        // SQLite started (SQLCipher seeded) before counting.
        drop(SqliteStore::open_in_memory()?);
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("mat.db");
        let key = Key::from_text(&"0123456789abcdef".repeat(4)).expect("a raw key");
        let before = CALLS.with(Cell::get);
        drop(SqliteStore::create(&path, Some(&key))?);
        let calls = CALLS.with(Cell::get) - before;
        // The salt of the file, and an IV for each page written.
        let pages = std::fs::metadata(&path)?.len() / 4096;
        assert!(pages > 10, "{pages} pages");
        assert!(calls > pages as usize, "{calls} calls for {pages} pages");
        // And it opens again with its key, not without.
        assert!(SqliteStore::open_read_only(&path, Some(&key))?.version()? > 0);
        assert!(SqliteStore::open_read_only(&path, None).is_err());
        Ok(())
    }
}
