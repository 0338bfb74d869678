//! Errors the caller must branch on, and the exit codes of `docs/json.md`.

use thiserror::Error;

/// Exit status: 0 success, 1 failure, 2 usage error or refused input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Everything worked.
    Success = 0,
    /// Something failed that was not the user's input.
    Failure = 1,
    /// The command line or the input was refused.
    Usage = 2,
}

/// Errors that decide the exit code.
#[derive(Debug, Error)]
pub enum QuorumError {
    /// A query, flag value or input the user gave cannot be used.
    #[error("{0}")]
    Usage(String),
    /// Another `quorum index` holds the index.
    #[error("the index at {0} is busy: another `quorum index` is writing it; try again when it has finished")]
    Busy(String),
    /// The index directory is not a quorum index of this version.
    #[error("{0}")]
    BadIndex(String),
}

impl QuorumError {
    /// The exit status this error maps to.
    pub fn status(&self) -> ExitStatus {
        match self {
            QuorumError::Usage(_) => ExitStatus::Usage,
            QuorumError::Busy(_) | QuorumError::BadIndex(_) => ExitStatus::Failure,
        }
    }
}

/// The exit status for any error chain: usage errors anywhere in the chain give 2.
pub fn status_of(err: &anyhow::Error) -> ExitStatus {
    err.chain()
        .find_map(|e| e.downcast_ref::<QuorumError>())
        .map_or(ExitStatus::Failure, QuorumError::status)
}

/// Whether the error is a closed pipe (`quorum search x | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
