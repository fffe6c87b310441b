//! Pictures shoppers upload (review photos), kept under the data directory by content:
//! each file is named by the SHA-256 of its bytes, so a name never changes meaning, the
//! same picture is stored once, and the server can cache it for a year. The server
//! serves `<root>` at [`URL_PREFIX`].

use std::io;
use std::path::PathBuf;

use sha2::{Digest, Sha256};

/// Where the server serves the store.
pub const URL_PREFIX: &str = "/media";

#[derive(Clone, Debug)]
pub struct MediaStore {
    root: PathBuf,
}

impl MediaStore {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        MediaStore { root: root.into() }
    }

    pub fn root(&self) -> &std::path::Path {
        &self.root
    }

    /// Stores `bytes` in `area` (a folder name) as `<sha256>.<extension>` and returns the
    /// URL it is served at. Written to a temporary name first, then renamed, so a reader
    /// never sees half a file; storing the same bytes again changes nothing.
    pub async fn save(&self, area: &str, bytes: &[u8], extension: &str) -> io::Result<String> {
        let name = format!("{}.{extension}", hex(&Sha256::digest(bytes)));
        let folder = self.root.join(area);
        let path = folder.join(&name);
        if !tokio::fs::try_exists(&path).await? {
            tokio::fs::create_dir_all(&folder).await?;
            let partial = folder.join(format!(".{name}.{}", uuid::Uuid::new_v4().simple()));
            tokio::fs::write(&partial, bytes).await?;
            tokio::fs::rename(&partial, &path).await?;
        }
        Ok(format!("{URL_PREFIX}/{area}/{name}"))
    }

    /// The file behind a URL this store made, if it is one and exists.
    pub fn path_of(&self, url: &str) -> Option<PathBuf> {
        let rest = url.strip_prefix(URL_PREFIX)?.strip_prefix('/')?;
        let (area, name) = rest.split_once('/')?;
        let safe = |part: &str| {
            !part.is_empty()
                && !part.starts_with('.')
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_')
        };
        (safe(area) && safe(name))
            .then(|| self.root.join(area).join(name))
            .filter(|path| path.is_file())
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_same_bytes_are_stored_once_under_their_hash() {
        let dir = tempfile::tempdir().unwrap();
        let store = MediaStore::new(dir.path());
        let first = store.save("reviews", b"picture", "png").await.unwrap();
        let again = store.save("reviews", b"picture", "png").await.unwrap();
        let other = store.save("reviews", b"another", "png").await.unwrap();
        assert_eq!(first, again);
        assert_ne!(first, other);
        assert!(first.starts_with("/media/reviews/"));
        assert!(first.ends_with(".png"));
        let path = store.path_of(&first).expect("stored");
        assert_eq!(std::fs::read(path).unwrap(), b"picture");
        let files = std::fs::read_dir(dir.path().join("reviews"))
            .unwrap()
            .count();
        assert_eq!(files, 2, "no temporary file is left behind");
    }

    #[test]
    fn only_urls_of_the_store_lead_to_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("reviews")).unwrap();
        std::fs::write(dir.path().join("reviews/a.png"), b"x").unwrap();
        let store = MediaStore::new(dir.path());
        assert!(store.path_of("/media/reviews/a.png").is_some());
        assert!(store.path_of("/media/reviews/missing.png").is_none());
        assert!(store.path_of("/media/../secret").is_none());
        assert!(store.path_of("/media/reviews/../../etc/passwd").is_none());
        assert!(store.path_of("/images/a.png").is_none());
    }
}
