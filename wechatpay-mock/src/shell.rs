//! What a standalone sandbox tells the shell that starts it: ready-to-paste `export WECHATPAY_…`
//! lines and a banner. Shared by `wechatpay-apiv3-mock`'s binary and `wechatpay sandbox`, so both print
//! the same. A private key is never printed, even a test one: clients read it from a file.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use crate::{ENDPOINTS, Sandbox, demo};

/// The demo key files the export lines name: what a client configured from them reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyFiles {
    /// [`demo::MERCHANT_KEY_PEM`]: `WECHATPAY_MCH_KEY_PATH`.
    pub merchant_key: PathBuf,
    /// [`demo::PUBLIC_KEY_PEM`]: `WECHATPAY_PUBLIC_KEY_PATH`.
    pub public_key: PathBuf,
    /// [`demo::APIV3_KEY`] and a line end: `WECHATPAY_APIV3_KEY_PATH`.
    pub apiv3_key: PathBuf,
}

impl KeyFiles {
    /// The files shipped in `keys/` of the source tree this crate was built from.
    pub fn shipped() -> Self {
        Self {
            merchant_key: demo::MERCHANT_KEY_PATH.into(),
            public_key: demo::PUBLIC_KEY_PATH.into(),
            apiv3_key: demo::APIV3_KEY_PATH.into(),
        }
    }

    /// For a standalone sandbox: the shipped files when they are all there, else copies written
    /// to [`key_cache_dir`]. An installed binary outlives its source tree (a moved checkout, a
    /// cleaned cargo registry), and export lines naming missing files would configure no client.
    pub fn shipped_or_cached() -> io::Result<Self> {
        existing_or_written_to(Self::shipped(), key_cache_dir)
    }

    /// Writes the three files into `dir` (created readable by its owner only, if missing); the
    /// private key and the APIv3 key are readable by their owner only, as a real
    /// `apiclient_key.pem` should be. A file that already holds its key is left as it is.
    pub fn write_to(dir: &Path) -> io::Result<Self> {
        create_private_dir(dir)?;
        let files = Self {
            merchant_key: dir.join("merchant_private_key.pem"),
            public_key: dir.join("platform_public_key.pem"),
            apiv3_key: dir.join("apiv3_key.txt"),
        };
        write_file(&files.merchant_key, demo::MERCHANT_KEY_PEM, true)?;
        write_file(&files.public_key, demo::PUBLIC_KEY_PEM, false)?;
        write_file(&files.apiv3_key, &format!("{}\n", demo::APIV3_KEY), true)?;
        Ok(files)
    }

    fn all_exist(&self) -> bool {
        [&self.merchant_key, &self.public_key, &self.apiv3_key].iter().all(|path| path.is_file())
    }
}

/// `files` if they all exist, else [`KeyFiles::write_to`] the directory `dir` gives.
fn existing_or_written_to(
    files: KeyFiles,
    dir: impl FnOnce() -> Option<PathBuf>,
) -> io::Result<KeyFiles> {
    if files.all_exist() {
        return Ok(files);
    }
    let dir = dir().ok_or_else(|| {
        io::Error::other(
            "the shipped key files are gone and there is no cache directory for copies: set \
             HOME or XDG_CACHE_HOME to an absolute path",
        )
    })?;
    KeyFiles::write_to(&dir).map_err(|error| {
        let message = format!("cannot write the sandbox key files to {}: {error}", dir.display());
        io::Error::new(error.kind(), message)
    })
}

/// Where a standalone sandbox writes its key files when the shipped ones are gone: the user's
/// cache directory (`$XDG_CACHE_HOME`, else `$HOME/.cache`; absolute paths only, as the XDG
/// specification asks), under `wechatpay-sandbox/keys`. Stable, so that export lines pasted from
/// an earlier run still work; never a shared temporary directory, where another user could have
/// prepared the path.
pub fn key_cache_dir() -> Option<PathBuf> {
    let absolute =
        |name| std::env::var_os(name).map(PathBuf::from).filter(|path| path.is_absolute());
    let cache =
        absolute("XDG_CACHE_HOME").or_else(|| absolute("HOME").map(|home| home.join(".cache")))?;
    Some(cache.join("wechatpay-sandbox").join("keys"))
}

/// Creates `dir` and its missing parents, those it creates readable by their owner only (on Unix).
fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Writes `text` to `path` unless a regular file there already holds it (readable by its owner
/// only, if `private`): into a new file beside it, then renamed over `path`, so that a link
/// planted at `path` is replaced rather than followed, and a client reading the key while a
/// sandbox starts never sees half of it.
fn write_file(path: &Path, text: &str, private: bool) -> io::Result<()> {
    if holds(path, text, private) {
        return Ok(());
    }
    let name = path.file_name().map(|name| name.to_string_lossy()).unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.{}", std::process::id()));
    let _ = std::fs::remove_file(&temporary);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, if private { 0o600 } else { 0o644 });
    let written = options
        .open(&temporary)
        .and_then(|mut file| io::Write::write_all(&mut file, text.as_bytes()))
        .and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// Whether `path` is a regular file (not a link) holding exactly `text`, and, if `private`,
/// readable by its owner only.
fn holds(path: &Path, text: &str, private: bool) -> bool {
    let Ok(metadata) = std::fs::symlink_metadata(path) else { return false };
    #[cfg(unix)]
    let owner_only = std::os::unix::fs::PermissionsExt::mode(&metadata.permissions()) & 0o077 == 0;
    #[cfg(not(unix))]
    let owner_only = true;
    metadata.file_type().is_file()
        && (owner_only || !private)
        && std::fs::read(path).is_ok_and(|current| current == text.as_bytes())
}

impl Sandbox {
    /// The `WECHATPAY_*` variables that point `Client::from_env` at this sandbox: base URL,
    /// mchid, merchant serial, the paths of the shipped demo key files, the public key ID, and the
    /// APIv3 key file (`wechatpay notify decrypt` reads it).
    pub fn env_vars(&self) -> [(&'static str, String); 7] {
        self.env_vars_with(&KeyFiles::shipped())
    }

    /// [`Sandbox::env_vars`] naming `keys` instead of the shipped files.
    pub fn env_vars_with(&self, keys: &KeyFiles) -> [(&'static str, String); 7] {
        let path = |path: &PathBuf| path.to_string_lossy().into_owned();
        [
            ("WECHATPAY_BASE_URL", self.base_url()),
            ("WECHATPAY_MCHID", demo::MCHID.to_owned()),
            ("WECHATPAY_MCH_SERIAL", demo::MERCHANT_SERIAL.to_owned()),
            ("WECHATPAY_MCH_KEY_PATH", path(&keys.merchant_key)),
            ("WECHATPAY_PUBLIC_KEY_ID", self.public_key_id().to_owned()),
            ("WECHATPAY_PUBLIC_KEY_PATH", path(&keys.public_key)),
            ("WECHATPAY_APIV3_KEY_PATH", path(&keys.apiv3_key)),
        ]
    }

    /// [`Sandbox::env_vars_with`] as `export NAME=value` lines, values quoted for a POSIX shell.
    pub fn export_lines(&self, keys: &KeyFiles) -> String {
        self.env_vars_with(keys)
            .iter()
            .map(|(name, value)| format!("export {name}={}\n", shell_quote(value)))
            .collect()
    }

    /// The text a standalone sandbox prints on start: a warning that the keys are for tests, the
    /// export lines (naming `keys`), the endpoints, and the WeChat Pay public key.
    pub fn banner(&self, keys: &KeyFiles) -> String {
        let mut text = String::new();
        let _ =
            writeln!(text, "WeChat Pay sandbox (test keys only: never use them for anything real)");
        let _ = writeln!(text);
        let _ = writeln!(
            text,
            "# paste into a shell to point the SDK (Client::from_env) at this sandbox:"
        );
        text.push_str(&self.export_lines(keys));
        let _ = writeln!(text);
        let _ = writeln!(text, "endpoints ({}, every region whitelisted):", ENDPOINTS.len());
        for endpoint in ENDPOINTS {
            let (method, path, title) = (endpoint.method, endpoint.path, endpoint.title);
            let _ = writeln!(text, "  {method:4} {path}  {title} ({})", endpoint.region.name());
        }
        let _ = writeln!(text);
        let _ = writeln!(text, "WeChat Pay public key (pub_key.pem, {}):", self.public_key_id());
        text.push_str(self.public_key_pem());
        text
    }
}

/// `value` as one shell word: as is if it holds only safe characters, else single-quoted.
fn shell_quote(value: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "/._-+:=@,%".contains(c);
    if !value.is_empty() && value.chars().all(safe) {
        value.to_owned()
    } else {
        format!("'{}'", value.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::{KeyFiles, existing_or_written_to, shell_quote};
    use crate::demo;

    #[test]
    fn the_shipped_files_hold_the_demo_keys() {
        let read = |path| std::fs::read_to_string(path).expect("shipped");
        assert_eq!(read(demo::APIV3_KEY_PATH), format!("{}\n", demo::APIV3_KEY));
        assert_eq!(read(demo::MERCHANT_KEY_PATH), demo::MERCHANT_KEY_PEM);
        assert_eq!(read(demo::PUBLIC_KEY_PATH), demo::PUBLIC_KEY_PEM);
    }

    #[test]
    fn the_shipped_files_are_used_while_they_exist() {
        let asked = std::cell::Cell::new(false);
        let files = existing_or_written_to(KeyFiles::shipped(), || {
            asked.set(true);
            None
        });
        assert_eq!(files.unwrap(), KeyFiles::shipped());
        assert!(!asked.get(), "no cache directory is needed");
    }

    #[test]
    fn missing_shipped_files_are_replaced_by_written_copies() {
        let dir = std::env::temp_dir().join(format!("wechatpay-mock-keys-{}", std::process::id()));
        let mut gone = KeyFiles::shipped();
        gone.merchant_key = dir.join("moved/merchant_private_key.pem");
        let written = existing_or_written_to(gone.clone(), || Some(dir.clone())).unwrap();
        let read = |path| std::fs::read_to_string(path).unwrap();
        assert_eq!(written.merchant_key, dir.join("merchant_private_key.pem"));
        assert_eq!(read(&written.merchant_key), demo::MERCHANT_KEY_PEM);
        assert_eq!(read(&written.public_key), demo::PUBLIC_KEY_PEM);
        assert_eq!(read(&written.apiv3_key), format!("{}\n", demo::APIV3_KEY));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = |path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&written.merchant_key), 0o600);
            assert_eq!(mode(&written.apiv3_key), 0o600);
        }
        // Written again over the first copies (a second run): the same files.
        assert_eq!(KeyFiles::write_to(&dir).unwrap(), written);
        #[cfg(unix)]
        {
            // A link planted where a key goes is replaced, never followed.
            let victim = dir.join("victim.txt");
            std::fs::write(&victim, "mine").unwrap();
            std::fs::remove_file(&written.apiv3_key).unwrap();
            std::os::unix::fs::symlink(&victim, &written.apiv3_key).unwrap();
            KeyFiles::write_to(&dir).unwrap();
            assert_eq!(read(&victim), "mine");
            assert_eq!(read(&written.apiv3_key), format!("{}\n", demo::APIV3_KEY));
        }
        let no_cache = existing_or_written_to(gone, || None).unwrap_err().to_string();
        assert!(no_cache.contains("set HOME or XDG_CACHE_HOME"), "{no_cache}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn shell_words_are_quoted_only_when_needed() {
        assert_eq!(shell_quote("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
        assert_eq!(shell_quote("/a b/key.pem"), "'/a b/key.pem'");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        assert_eq!(shell_quote(""), "''");
    }
}
