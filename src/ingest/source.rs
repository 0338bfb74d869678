//! How a file is named in every output: the corpus folder as the user gave it, joined
//! with the file's path inside it, so `file:line` opens from where `quorum index` ran
//! ("/tmp/nc/formats/a.txt", "../nc/a.txt", "corpus/igf/a.txt").

use std::path::{Component, Path};

/// The corpus folder as given, in `/` form: without a trailing `/` or a leading `./`;
/// empty for `.`.
pub fn corpus_label(root: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut absolute = false;
    for c in root.components() {
        match c {
            Component::RootDir => absolute = true,
            Component::Prefix(p) => parts.push(p.as_os_str().to_string_lossy().into_owned()),
            Component::CurDir => {}
            Component::ParentDir => parts.push("..".into()),
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// A file's source name: `label` joined with its path relative to the corpus folder.
pub fn join(label: &str, rel: &Path) -> String {
    let rel = source_name(rel);
    match (label.is_empty(), label == "/") {
        (true, _) => rel,
        (_, true) => format!("/{rel}"),
        _ => format!("{label}/{rel}"),
    }
}

/// A path in `/` form, as sources are stored and printed.
pub fn source_name(path: &Path) -> String {
    path.components()
        .filter_map(|c| match c {
            std::path::Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_sources_keep_the_corpus_path_as_given() {
        let rel = Path::new("formats/a.txt");
        assert_eq!(
            join(&corpus_label(Path::new("/tmp/nc")), rel),
            "/tmp/nc/formats/a.txt"
        );
        assert_eq!(
            join(&corpus_label(Path::new("/tmp/nc/")), rel),
            "/tmp/nc/formats/a.txt"
        );
        assert_eq!(
            join(&corpus_label(Path::new("../nc")), rel),
            "../nc/formats/a.txt"
        );
        assert_eq!(
            join(&corpus_label(Path::new("./corpus/")), rel),
            "corpus/formats/a.txt"
        );
        assert_eq!(join(&corpus_label(Path::new(".")), rel), "formats/a.txt");
        assert_eq!(join(&corpus_label(Path::new("/")), rel), "/formats/a.txt");
        assert_eq!(
            join(&corpus_label(Path::new("corpus/igf")), Path::new("x.txt")),
            "corpus/igf/x.txt"
        );
    }
}
