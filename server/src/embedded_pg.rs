//! The embedded PostgreSQL cluster used when `DATABASE_URL` is unset.
//!
//! Layout under `EMBEDDED_PG_DIR`: `cluster/` (the data directory), `postgres.log`,
//! `password` (the superuser's generated password) and `lock` (serialises start-up
//! between processes). `initdb` refuses to run as root, so when the server runs as root
//! the cluster belongs to, and runs as, `EMBEDDED_PG_OS_USER`. The cluster keeps running
//! after the server exits and is reused by the next start; data lives in `cluster/`.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rand::Rng;
use rand::distr::Alphanumeric;

use crate::config::EmbeddedPgSettings;

const SUPERUSER: &str = "postgres";

#[derive(Debug, thiserror::Error)]
pub enum EmbeddedPgError {
    #[error(
        "PostgreSQL binaries not found in {0} (run the README's setup, set PG_INSTALL_DIR, or set DATABASE_URL)"
    )]
    MissingBinaries(PathBuf),
    #[error("OS user `{0}` for the embedded PostgreSQL does not exist (set EMBEDDED_PG_OS_USER)")]
    MissingOsUser(String),
    #[error(
        "PostgreSQL runs as `{user}`, which cannot reach {dir}: {blocked} is not searchable by others. Set EMBEDDED_PG_DIR to a directory it can reach (for example under /var/lib), or set DATABASE_URL"
    )]
    Unreachable {
        user: String,
        dir: PathBuf,
        blocked: PathBuf,
    },
    #[error(
        "port {0} on 127.0.0.1 is taken by another process (perhaps another clone's cluster); set EMBEDDED_PG_PORT to a free port"
    )]
    PortInUse(u16),
    #[error("{action} failed: {detail}")]
    Command {
        action: &'static str,
        detail: String,
    },
    #[error("embedded PostgreSQL I/O on {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> EmbeddedPgError + '_ {
    move |source| EmbeddedPgError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A running local cluster and how to reach it.
#[derive(Clone, Debug)]
pub struct EmbeddedPostgres {
    settings: EmbeddedPgSettings,
    dir: PathBuf,
    password: String,
}

impl EmbeddedPostgres {
    /// Starts the cluster, initialising it on first use, or reuses the one already running.
    /// Blocking: call from `spawn_blocking`.
    pub fn ensure_running(settings: &EmbeddedPgSettings) -> Result<Self, EmbeddedPgError> {
        let bin = settings.install_dir.join("bin");
        if !bin.join("initdb").is_file() || !bin.join("pg_ctl").is_file() {
            return Err(EmbeddedPgError::MissingBinaries(
                settings.install_dir.clone(),
            ));
        }
        fs::create_dir_all(&settings.dir).map_err(io_error(&settings.dir))?;
        let dir = fs::canonicalize(&settings.dir).map_err(io_error(&settings.dir))?;
        let owner = ClusterOwner::for_current_process(&settings.os_user)?;
        owner.check_reachable(&dir, &settings.os_user)?;
        owner.take_ownership(&dir)?;

        let lock_path = dir.join("lock");
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io_error(&lock_path))?;
        let _guard = FileLock::exclusive(&lock).map_err(io_error(&lock_path))?;

        let cluster = Self {
            settings: settings.clone(),
            password: String::new(),
            dir,
        };
        let password = if cluster.data_dir().join("PG_VERSION").is_file() {
            cluster.read_password()?
        } else {
            cluster.initialise(&owner)?
        };
        let cluster = Self {
            password,
            ..cluster
        };
        if !cluster.is_running(&owner)? {
            cluster.start(&owner)?;
        }
        Ok(cluster)
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.join("cluster")
    }

    fn password_path(&self) -> PathBuf {
        self.dir.join("password")
    }

    fn log_path(&self) -> PathBuf {
        self.dir.join("postgres.log")
    }

    fn pg_bin(&self, name: &str) -> PathBuf {
        self.settings.install_dir.join("bin").join(name)
    }

    /// URL of `database` on this cluster, as the superuser.
    pub fn url(&self, database: &str) -> String {
        format!(
            "postgres://{SUPERUSER}:{}@127.0.0.1:{}/{database}",
            self.password, self.settings.port
        )
    }

    /// URL of the app's database.
    pub fn app_url(&self) -> String {
        self.url(&self.settings.database)
    }

    fn read_password(&self) -> Result<String, EmbeddedPgError> {
        let path = self.password_path();
        Ok(fs::read_to_string(&path)
            .map_err(io_error(&path))?
            .trim()
            .to_string())
    }

    fn initialise(&self, owner: &ClusterOwner) -> Result<String, EmbeddedPgError> {
        let password: String = rand::rng()
            .sample_iter(&Alphanumeric)
            .take(32)
            .map(char::from)
            .collect();
        let path = self.password_path();
        let mut file = OpenOptions::new()
            .create(true)
            .truncate(true)
            .write(true)
            .mode(0o600)
            .open(&path)
            .map_err(io_error(&path))?;
        file.write_all(password.as_bytes())
            .map_err(io_error(&path))?;
        owner.chown(&path)?;

        tracing::info!(dir = %self.dir.display(), "initialising the embedded PostgreSQL cluster");
        let output = owner
            .command(&self.pg_bin("initdb"), &self.dir)
            .arg("--pgdata")
            .arg(self.data_dir())
            .args(["--username", SUPERUSER, "--encoding", "UTF8"])
            .args([
                "--locale-provider",
                "builtin",
                "--builtin-locale",
                "C.UTF-8",
            ])
            .args([
                "--auth-local",
                "scram-sha-256",
                "--auth-host",
                "scram-sha-256",
            ])
            .arg(format!("--pwfile={}", path.display()))
            .output()
            .map_err(io_error(&self.pg_bin("initdb")))?;
        check(&output, "initdb")?;

        let conf = self.data_dir().join("postgresql.conf");
        let mut conf_file = OpenOptions::new()
            .append(true)
            .open(&conf)
            .map_err(io_error(&conf))?;
        conf_file
            .write_all(
                b"\n# LuxeVerse embedded cluster\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 300\nshared_buffers = 256MB\n",
            )
            .map_err(io_error(&conf))?;
        Ok(password)
    }

    fn is_running(&self, owner: &ClusterOwner) -> Result<bool, EmbeddedPgError> {
        let output = owner
            .command(&self.pg_bin("pg_ctl"), &self.dir)
            .arg("status")
            .arg("--pgdata")
            .arg(self.data_dir())
            .output()
            .map_err(io_error(&self.pg_bin("pg_ctl")))?;
        Ok(output.status.success())
    }

    /// The `postgres` command line: the port, and for a throwaway cluster no waiting on
    /// the disk (a crash of the machine may lose its last commits, which a test never needs).
    fn server_options(&self) -> String {
        let mut options = format!("-p {}", self.settings.port);
        if !self.settings.durable {
            options.push_str(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }
        options
    }

    fn start(&self, owner: &ClusterOwner) -> Result<(), EmbeddedPgError> {
        tracing::info!(
            port = self.settings.port,
            "starting the embedded PostgreSQL cluster"
        );
        let log = self.log_path();
        if !log.exists() {
            File::create(&log).map_err(io_error(&log))?;
        }
        owner.chown(&log)?;
        let output = owner
            .command(&self.pg_bin("pg_ctl"), &self.dir)
            .arg("start")
            .arg("--pgdata")
            .arg(self.data_dir())
            .arg("--log")
            .arg(&log)
            .args(["--wait", "--timeout", "60"])
            .arg("-o")
            .arg(self.server_options())
            .output()
            .map_err(io_error(&self.pg_bin("pg_ctl")))?;
        let port = self.settings.port;
        check(&output, "starting PostgreSQL").map_err(|error| {
            let log_text = fs::read_to_string(&log).unwrap_or_default();
            let recent: Vec<&str> = log_text.lines().rev().take(8).collect();
            if recent
                .iter()
                .any(|line| line.contains("Address already in use"))
            {
                return EmbeddedPgError::PortInUse(port);
            }
            let tail = recent.join(" | ");
            EmbeddedPgError::Command {
                action: "starting PostgreSQL",
                detail: format!("{error}; log: {tail}"),
            }
        })
    }

    /// Stops the cluster (fast shutdown). Blocking.
    pub fn stop(settings: &EmbeddedPgSettings) -> Result<(), EmbeddedPgError> {
        let dir = fs::canonicalize(&settings.dir).map_err(io_error(&settings.dir))?;
        let owner = ClusterOwner::for_current_process(&settings.os_user)?;
        let pg_ctl = settings.install_dir.join("bin").join("pg_ctl");
        let output = owner
            .command(&pg_ctl, &dir)
            .arg("stop")
            .arg("--pgdata")
            .arg(dir.join("cluster"))
            .args(["--mode", "fast", "--wait"])
            .output()
            .map_err(io_error(&pg_ctl))?;
        check(&output, "stopping PostgreSQL")
    }
}

fn check(output: &Output, action: &'static str) -> Result<(), EmbeddedPgError> {
    if output.status.success() {
        return Ok(());
    }
    Err(EmbeddedPgError::Command {
        action,
        detail: format!(
            "{}: {}{}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim(),
            String::from_utf8_lossy(&output.stdout).trim()
        ),
    })
}

/// The OS account that owns and runs the cluster: the current one, or a dedicated
/// account when running as root (PostgreSQL refuses to run as root).
struct ClusterOwner {
    switch_to: Option<(u32, u32)>,
}

impl ClusterOwner {
    fn for_current_process(os_user: &str) -> Result<Self, EmbeddedPgError> {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            return Ok(Self { switch_to: None });
        }
        let name = std::ffi::CString::new(os_user)
            .map_err(|_| EmbeddedPgError::MissingOsUser(os_user.to_string()))?;
        // SAFETY: `name` is a valid C string; getpwnam returns null or a pointer to a
        // static record that we copy out of immediately.
        let record = unsafe { libc::getpwnam(name.as_ptr()) };
        if record.is_null() {
            return Err(EmbeddedPgError::MissingOsUser(os_user.to_string()));
        }
        // SAFETY: checked non-null above.
        let (uid, gid) = unsafe { ((*record).pw_uid, (*record).pw_gid) };
        Ok(Self {
            switch_to: Some((uid, gid)),
        })
    }

    fn chown(&self, path: &Path) -> Result<(), EmbeddedPgError> {
        if let Some((uid, gid)) = self.switch_to {
            std::os::unix::fs::chown(path, Some(uid), Some(gid)).map_err(io_error(path))?;
        }
        Ok(())
    }

    /// PostgreSQL (running as another account) must be able to walk down to `dir`:
    /// every ancestor has to be searchable by it. Root's home (mode 700) is the usual trap.
    fn check_reachable(&self, dir: &Path, user: &str) -> Result<(), EmbeddedPgError> {
        let Some((uid, gid)) = self.switch_to else {
            return Ok(());
        };
        for ancestor in dir.ancestors().skip(1) {
            let metadata = fs::metadata(ancestor).map_err(io_error(ancestor))?;
            let mode = metadata.permissions().mode();
            let searchable = if metadata.uid() == uid {
                mode & 0o100 != 0
            } else if metadata.gid() == gid {
                mode & 0o010 != 0
            } else {
                mode & 0o001 != 0
            };
            if !searchable {
                return Err(EmbeddedPgError::Unreachable {
                    user: user.to_string(),
                    dir: dir.to_path_buf(),
                    blocked: ancestor.to_path_buf(),
                });
            }
        }
        Ok(())
    }

    /// Gives the cluster directory to the owner, private to it.
    fn take_ownership(&self, dir: &Path) -> Result<(), EmbeddedPgError> {
        self.chown(dir)?;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(io_error(dir))
    }

    fn command(&self, program: &Path, cwd: &Path) -> Command {
        let mut command = Command::new(program);
        command.current_dir(cwd).env_remove("PGDATA");
        if let Some((uid, gid)) = self.switch_to {
            command.uid(uid).gid(gid);
        }
        command
    }
}

/// An exclusive `flock` held until dropped.
struct FileLock<'a>(&'a File);

impl<'a> FileLock<'a> {
    fn exclusive(file: &'a File) -> std::io::Result<Self> {
        use std::os::fd::AsRawFd;
        // SAFETY: the descriptor is valid for the lifetime of `file`.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(Self(file))
    }
}

impl Drop for FileLock<'_> {
    fn drop(&mut self) {
        use std::os::fd::AsRawFd;
        // SAFETY: as above; unlocking cannot violate memory safety.
        unsafe {
            libc::flock(self.0.as_raw_fd(), libc::LOCK_UN);
        }
    }
}
