//! Where a report goes: standard output, or with `--output FILE` a file of
//! the clerk's (`files::create_new`: new, owner only, never through a link).
//! An existing file is left alone unless `--force`; then the report is
//! written to a new temporary file in the same folder and renamed over it,
//! so that the old file stays whole until the new one is. An Excel workbook
//! (`--format xlsx`) only goes to a file.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use anyhow::{Context as _, Result, anyhow};

use super::{FormatArg, OutputArgs};
use crate::domain::error::{Error, FileAction};
use crate::files;
use crate::i18n::{self, tr};

/// Where one command's report goes.
pub enum Destination {
    Stdout,
    File(OutputFile),
}

impl OutputArgs {
    /// The report's destination, checked before anything is read or
    /// written: `--bom` only with CSV; an Excel workbook needs `--output`;
    /// a file there is left alone unless `--force`.
    pub fn destination(&self, ctx: &super::Context) -> Result<Destination> {
        if self.bom && self.format() != FormatArg::Csv {
            use clap::ValueEnum as _;
            let format = match self.format() {
                FormatArg::Table => i18n::BOM_FORMAT_TABLE.get().to_string(),
                FormatArg::Xlsx => i18n::BOM_FORMAT_XLSX.get().to_string(),
                other => other
                    .to_possible_value()
                    .map_or_else(String::new, |v| v.get_name().to_string()),
            };
            return Err(anyhow!(tr!(i18n::BOM_NEEDS_CSV, format = format)));
        }
        match &self.output {
            None if self.format() == FormatArg::Xlsx => Err(anyhow!(i18n::XLSX_NEEDS_OUTPUT.get())),
            // Secret titles on their way to a pipe (mail, a file of the
            // shell's) are said at the end of the run, when some were
            // printed (`cli::run`), not refused.
            None => Ok(Destination::Stdout),
            Some(path) => {
                WROTE_FILE.store(true, Ordering::Relaxed);
                refuse_open_file(path, self.force, ctx.show_secret)?;
                Ok(Destination::File(OutputFile::create(path, self.force)?))
            }
        }
    }
}

/// Whether this run's report went to a file of its own (`--output`): the
/// warning about secret titles on stdout is then not said.
static WROTE_FILE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the report went to `--output`.
pub fn wrote_file() -> bool {
    WROTE_FILE.load(Ordering::Relaxed)
}

/// With `--show-secret`, a file that others may read is not replaced by
/// one holding secret titles: a new file is made for its owner only
/// (`files::create_new`), and a file there already must be too.
pub fn refuse_open_file(target: &Path, force: bool, show_secret: bool) -> Result<()> {
    // Only a regular file is a matter of its mode: a folder, a device or a
    // pipe has its own message (`OutputFile::create`).
    let regular = std::fs::symlink_metadata(target).is_ok_and(|m| m.is_file());
    if show_secret && force && regular && !files::owner_only(target) {
        return Err(anyhow!(tr!(
            i18n::SECRET_OUTPUT_OPEN,
            path = target.display()
        )));
    }
    Ok(())
}

impl Destination {
    /// What the report is written to.
    pub fn writer<'w>(&'w mut self, out: &'w mut dyn Write) -> &'w mut dyn Write {
        match self {
            Destination::Stdout => out,
            Destination::File(file) => file,
        }
    }

    /// Finishes the file, if any, and says on `out` that it was written.
    /// A report that printed nothing (`--quiet` and nothing to say) makes
    /// no file.
    pub fn finish(self, out: &mut dyn Write) -> Result<()> {
        if let Destination::File(file) = self
            && let Some(path) = file.commit()?
        {
            writeln!(out, "{}", tr!(i18n::OUTPUT_WRITTEN, path = path.display()))?;
        }
        Ok(())
    }
}

/// A report's file while it is written. Dropped before `commit` (an error on
/// the way), it leaves nothing behind: neither its temporary file nor the
/// new file it had made.
pub struct OutputFile {
    target: PathBuf,
    /// Where the bytes go: the target itself when it is new, else a
    /// temporary file beside it.
    written_to: PathBuf,
    file: Option<BufWriter<File>>,
    /// The bytes written so far.
    bytes: u64,
    /// Replaces an existing file on commit (`--force`).
    replaces: bool,
    committed: bool,
}

/// Tells apart the temporary files of one process.
static TEMP_SERIAL: AtomicU32 = AtomicU32::new(0);

impl OutputFile {
    /// Makes the file a report goes to: `target` itself when nothing is
    /// there; with `force`, a temporary file beside it, renamed over it on
    /// commit. Without `force`, an existing file (or link) is an error.
    pub fn create(target: &Path, force: bool) -> Result<OutputFile> {
        let path = target.display();
        if target.is_dir() {
            return Err(anyhow!(tr!(i18n::OUTPUT_IS_FOLDER, path = path)));
        }
        let replaces = force && files::exists_here(target);
        if replaces && !files::replaceable(target) {
            return Err(anyhow!(tr!(i18n::OUTPUT_NOT_REPLACEABLE, path = path)));
        }
        let written_to = if replaces {
            temp_beside(target)
        } else {
            target.to_path_buf()
        };
        let file = match files::create_new(&written_to, FileAction::Backup) {
            Ok(file) => file,
            Err(Error::BackupExists(_)) if !replaces => {
                return Err(anyhow!(tr!(i18n::OUTPUT_EXISTS, path = path)));
            }
            Err(Error::File { source, .. }) => {
                // What the system said (no permission, no such folder…).
                let cause = match source.downcast::<io::Error>() {
                    Ok(io) => anyhow::Error::new(*io),
                    Err(other) => anyhow!(other.to_string()),
                };
                return Err(cause.context(tr!(i18n::OUTPUT_FAILED, path = path)));
            }
            Err(e) => return Err(anyhow::Error::new(e)),
        };
        files::making(&written_to);
        Ok(OutputFile {
            target: target.to_path_buf(),
            written_to,
            file: Some(BufWriter::new(file)),
            bytes: 0,
            replaces,
            committed: false,
        })
    }

    /// Writes what is buffered to disk and closes the file, which stays
    /// unfinished: dropped without `commit`, it is removed as ever. Lets
    /// several files be written whole before any of them is put in place.
    pub fn close(&mut self) -> Result<()> {
        let path = self.target.display().to_string();
        if let Some(writer) = self.file.take() {
            let file = writer
                .into_inner()
                .map_err(|e| e.into_error())
                .with_context(|| tr!(i18n::OUTPUT_FAILED, path = path))?;
            file.sync_all()
                .with_context(|| tr!(i18n::OUTPUT_FAILED, path = path))?;
        }
        Ok(())
    }

    /// Makes the file final: flushed to disk, and put in place of the old
    /// one with `--force`. `None` when nothing was written: then no file.
    pub fn commit(mut self) -> Result<Option<PathBuf>> {
        let path = self.target.display().to_string();
        if self.bytes == 0 {
            // Drop removes what was made.
            return Ok(None);
        }
        self.close()?;
        if self.replaces {
            std::fs::rename(&self.written_to, &self.target)
                .with_context(|| tr!(i18n::OUTPUT_FAILED, path = path))?;
        }
        self.committed = true;
        files::made(&self.written_to);
        Ok(Some(self.target.clone()))
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let file = self
            .file
            .as_mut()
            .ok_or_else(|| io::Error::other("closed"))?;
        let n = file.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        match self.file.as_mut() {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for OutputFile {
    fn drop(&mut self) {
        if !self.committed {
            self.file = None;
            // Made by this run: the target when it was new, else the
            // temporary file. An existing file is never removed.
            let _ = std::fs::remove_file(&self.written_to);
            files::made(&self.written_to);
        }
    }
}

/// Standard output for a command whose exit status says what it found
/// (`--exit-code`): a reader that stops early (`| head -1`) ends the
/// printing but not the count, so that the status is still right.
pub struct KeepCounting<'w> {
    inner: &'w mut dyn Write,
    closed: bool,
}

impl<'w> KeepCounting<'w> {
    pub fn new(inner: &'w mut dyn Write) -> KeepCounting<'w> {
        KeepCounting {
            inner,
            closed: false,
        }
    }
}

impl Write for KeepCounting<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.inner.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}

/// A new name beside `target`, hidden on Unix: `.NAME.theodoi-PID-N.tmp`.
fn temp_beside(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let serial = TEMP_SERIAL.fetch_add(1, Ordering::Relaxed);
    let temp = format!(".{name}.theodoi-{}-{serial}.tmp", std::process::id());
    files::folder_of(target).join(temp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_made_and_an_old_one_kept_unless_forced() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("bc.csv");
        let mut file = OutputFile::create(&path, false)?;
        file.write_all(b"a")?;
        assert_eq!(file.commit()?, Some(path.clone()));
        assert_eq!(std::fs::read(&path)?, b"a");
        // Kept: refused, and left as it was.
        assert!(OutputFile::create(&path, false).is_err());
        assert_eq!(std::fs::read(&path)?, b"a");
        // Forced: the old file stays whole until the new one replaces it.
        let mut file = OutputFile::create(&path, true)?;
        file.write_all(b"b")?;
        assert_eq!(std::fs::read(&path)?, b"a");
        file.commit()?;
        assert_eq!(std::fs::read(&path)?, b"b");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&path)?.permissions().mode() & 0o777,
                0o600
            );
        }
        // Nothing behind but the file.
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[test]
    fn an_error_on_the_way_leaves_nothing() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("bc.xlsx");
        let mut file = OutputFile::create(&path, false)?;
        file.write_all(b"partial")?;
        drop(file);
        assert!(!files::exists_here(&path));
        std::fs::write(&path, b"old")?;
        let mut file = OutputFile::create(&path, true)?;
        file.write_all(b"partial")?;
        drop(file);
        assert_eq!(std::fs::read(&path)?, b"old");
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
        // Nothing written (a quiet report): no file.
        let empty = dir.path().join("empty.csv");
        assert_eq!(OutputFile::create(&empty, false)?.commit()?, None);
        assert!(!files::exists_here(&empty));
        Ok(())
    }
}
