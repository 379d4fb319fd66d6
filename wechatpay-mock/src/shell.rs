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
    /// to `dir`. An installed binary outlives its source tree (a moved checkout, a cleaned cargo
    /// registry), and export lines naming missing files would configure no client.
    pub fn shipped_or_written_to(dir: &Path) -> io::Result<Self> {
        existing_or_written_to(Self::shipped(), dir)
    }

    /// Writes the three files into `dir` (created if missing); the private key is readable by its
    /// owner only, as a real `apiclient_key.pem` should be.
    pub fn write_to(dir: &Path) -> io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let files = Self {
            merchant_key: dir.join("merchant_private_key.pem"),
            public_key: dir.join("platform_public_key.pem"),
            apiv3_key: dir.join("apiv3_key.txt"),
        };
        write_private(&files.merchant_key, demo::MERCHANT_KEY_PEM)?;
        std::fs::write(&files.public_key, demo::PUBLIC_KEY_PEM)?;
        write_private(&files.apiv3_key, &format!("{}\n", demo::APIV3_KEY))?;
        Ok(files)
    }

    fn all_exist(&self) -> bool {
        [&self.merchant_key, &self.public_key, &self.apiv3_key].iter().all(|path| path.is_file())
    }
}

/// `files` if they all exist, else [`KeyFiles::write_to`] `dir`.
fn existing_or_written_to(files: KeyFiles, dir: &Path) -> io::Result<KeyFiles> {
    if files.all_exist() { Ok(files) } else { KeyFiles::write_to(dir) }
}

/// Where a standalone sandbox writes its key files when the shipped ones are gone: the user's
/// cache directory (`$XDG_CACHE_HOME`, else `$HOME/.cache`), else the temporary directory, under
/// `wechatpay-sandbox/keys`. Stable, so export lines pasted from an earlier run still work.
pub fn key_cache_dir() -> PathBuf {
    let non_empty = |name| std::env::var_os(name).filter(|value| !value.is_empty());
    let cache = non_empty("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| non_empty("HOME").map(|home| Path::new(&home).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    cache.join("wechatpay-sandbox").join("keys")
}

/// Writes `text` to `path`, readable and writable by its owner only (on Unix).
fn write_private(path: &Path, text: &str) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    // The mode above applies to a new file only: an earlier copy is tightened too.
    #[cfg(unix)]
    file.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    io::Write::write_all(&mut file, text.as_bytes())
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
        let dir = std::env::temp_dir().join("wechatpay-mock-unused-key-dir");
        assert_eq!(KeyFiles::shipped_or_written_to(&dir).unwrap(), KeyFiles::shipped());
        assert!(!dir.exists());
    }

    #[test]
    fn missing_shipped_files_are_replaced_by_written_copies() {
        let dir = std::env::temp_dir().join(format!("wechatpay-mock-keys-{}", std::process::id()));
        let mut gone = KeyFiles::shipped();
        gone.merchant_key = dir.join("moved/merchant_private_key.pem");
        let written = existing_or_written_to(gone, &dir).unwrap();
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
