//! Integration tests: the `digest` binary run as a user runs it, on real
//! files in a temporary directory. One binary, one module per feature.

mod bad_input;
mod build;
mod cluster;
mod email;
mod feeds;
mod seeds;
mod server;
mod store;
mod summarize;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary directory to write articles into and run digest in.
pub struct Test {
    pub dir: tempfile::TempDir,
    args: Vec<String>,
    env: Vec<(String, String)>,
}

/// What a run printed and returned.
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Default for Test {
    fn default() -> Self {
        Test::new()
    }
}

impl Test {
    pub fn new() -> Test {
        Test {
            dir: tempfile::tempdir().expect("temp dir"),
            args: Vec::new(),
            env: Vec::new(),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes a file (creating folders) and returns the test for chaining.
    pub fn write(self, rel: &str, content: impl AsRef<[u8]>) -> Test {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, content).expect("write");
        self
    }

    /// Copies the project's samples into `samples/`.
    pub fn with_samples(self) -> Test {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut t = self;
        for entry in std::fs::read_dir(src).expect("samples") {
            let p = entry.expect("entry").path();
            let name = p.file_name().expect("name").to_string_lossy().to_string();
            t = t.write(
                &format!("samples/{name}"),
                std::fs::read(&p).expect("read sample"),
            );
        }
        t
    }

    /// `digest build` over `samples/` for the week the seeds were
    /// published (the foundation issue's command).
    pub fn seeds_week(self) -> Test {
        self.args(&[
            "build",
            "--input",
            "samples",
            "--now",
            "2025-02-03T12:00:00Z",
            "--since",
            "7d",
        ])
    }

    pub fn args(mut self, args: &[&str]) -> Test {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }

    pub fn env(mut self, k: &str, v: &str) -> Test {
        self.env.push((k.into(), v.into()));
        self
    }

    /// Runs digest in the test directory, under a memory limit when
    /// `limit_kib` is given (through the shell's `ulimit -v`).
    pub fn run_limited(&self, limit_kib: Option<u64>) -> Run {
        let bin = env!("CARGO_BIN_EXE_digest");
        let mut cmd = match limit_kib {
            Some(kib) => {
                let mut c = Command::new("sh");
                c.arg("-c")
                    .arg(format!("ulimit -v {kib} && exec \"$0\" \"$@\""))
                    .arg(bin);
                c
            }
            None => Command::new(bin),
        };
        cmd.args(&self.args)
            .current_dir(self.dir.path())
            .env_remove("DIGEST_NOW")
            .env_remove("DIGEST_CONFIG");
        // No user config may leak in.
        cmd.env("XDG_CONFIG_HOME", self.dir.path().join(".no-user-config"));
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let out: Output = cmd.output().expect("run digest");
        Run {
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            code: out.status.code().unwrap_or(-1),
        }
    }

    pub fn run(&self) -> Run {
        self.run_limited(None)
    }
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    #[track_caller]
    pub fn code(&self, expected: i32) -> &Run {
        assert_eq!(
            self.code, expected,
            "exit code\n--- stderr:\n{}\n--- stdout:\n{}",
            self.stderr, self.stdout
        );
        self
    }
}

/// The shared reference material beside the checkout (CI has it there).
/// Outside CI a missing folder skips the test with a message.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if p.exists() {
        return Some(p);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "{} is missing: CI must run with shared/ beside the checkout",
            p.display()
        );
    }
    eprintln!("skipped: {} not found", p.display());
    None
}
