//! Query-string parameters, shared by the pages and the API: the same names as the CLI's
//! flags (`speaker`, `body`, `from`, `to`, `kind`, `theme`, `limit`), validated the same
//! way, so a page's URL and an API call mean the same thing.

use super::Fail;
use crate::extract::themes::ThemeSet;
use crate::query::filters::date_arg;
use crate::query::filters::Filters;

/// Longest parameter value kept: room for a pasted paragraph as a query (the search reads
/// a long plain text by its most telling words), and a bound on what one request costs.
const MAX_VALUE_CHARS: usize = 5000;
/// Most values of a repeated parameter (`theme=a&theme=b`).
const MAX_REPEATS: usize = 50;

/// Parameters of one request, in order; empty values count as absent (an empty form
/// field).
#[derive(Debug, Default, Clone)]
pub(crate) struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Parses a raw query string; nothing in it can fail, odd bytes become U+FFFD.
    pub(crate) fn parse(raw: Option<&str>) -> Params {
        let pairs = form_urlencoded::parse(raw.unwrap_or("").as_bytes())
            .take(200)
            .map(|(k, v)| (k.into_owned(), v.trim().to_string()))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        Params { pairs }
    }

    /// The first value of `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of `key`, refused when absurdly long.
    pub(crate) fn text(&self, key: &str) -> Result<Option<String>, Fail> {
        match self.get(key) {
            Some(v) if v.chars().count() > MAX_VALUE_CHARS => Err(Fail::BadRequest(format!(
                "{key} is {} characters long; the limit is {MAX_VALUE_CHARS}",
                v.chars().count()
            ))),
            v => Ok(v.map(str::to_string)),
        }
    }

    /// Every value of `key`.
    pub(crate) fn all(&self, key: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .take(MAX_REPEATS)
            .collect()
    }

    /// A whole number in `lo..=hi`, `default` when absent.
    pub(crate) fn number(
        &self,
        key: &str,
        default: usize,
        lo: usize,
        hi: usize,
    ) -> Result<usize, Fail> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => match v.parse::<usize>() {
                Ok(n) if (lo..=hi).contains(&n) => Ok(n),
                _ => Err(Fail::BadRequest(format!(
                    "{key}={v:?}: give a whole number from {lo} to {hi}"
                ))),
            },
        }
    }

    /// The filters: speaker, body, from, to, kind, theme.
    pub(crate) fn filters(&self, themes: &ThemeSet) -> Result<Filters, Fail> {
        let kind = match self.get("kind") {
            None => None,
            Some(k @ ("summary" | "transcript")) => Some(k.to_string()),
            Some(k) => {
                return Err(Fail::BadRequest(format!(
                    "kind={k:?}: give summary or transcript"
                )))
            }
        };
        let theme = match self.get("theme") {
            None => None,
            Some(t) => {
                let i = themes.find(t).ok_or_else(|| {
                    Fail::BadRequest(format!("no theme {t:?}; the themes page lists them"))
                })?;
                Some(themes.themes[i].name.clone())
            }
        };
        Ok(Filters {
            speaker: self.text("speaker")?,
            body: self.text("body")?,
            kind,
            from: date_arg("from", self.get("from"))?,
            to: date_arg("to", self.get("to"))?,
            theme,
        })
    }

    /// The pairs, to carry a page's filters into the links it makes.
    pub(crate) fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_params_decode_skip_empty_and_repeat() {
        let p = Params::parse(Some("q=implementation+gap&speaker=&theme=A&theme=B%20C&x"));
        assert_eq!(p.get("q"), Some("implementation gap"));
        assert_eq!(p.get("speaker"), None);
        assert_eq!(p.all("theme"), vec!["A", "B C"]);
        assert_eq!(Params::parse(None).get("q"), None);
    }

    #[test]
    fn test_bad_values_are_refused_not_panicked() {
        let set = ThemeSet::default_set();
        let p = Params::parse(Some("from=yesterday&limit=-1&kind=video"));
        assert!(matches!(p.filters(&set), Err(Fail::BadRequest(_))));
        assert!(matches!(
            p.number("limit", 10, 1, 100),
            Err(Fail::BadRequest(_))
        ));
        let p = Params::parse(Some("from=2024-01-01&kind=summary&limit=5"));
        let f = p.filters(&set).unwrap();
        assert_eq!(f.kind.as_deref(), Some("summary"));
        assert!(f.from.is_some());
        assert_eq!(p.number("limit", 10, 1, 100).unwrap(), 5);
        let long = format!("speaker={}", "a".repeat(MAX_VALUE_CHARS + 1));
        assert!(Params::parse(Some(&long)).filters(&set).is_err());
        // odd bytes decode, they do not fail
        assert_eq!(
            Params::parse(Some("q=%FF%FE")).get("q"),
            Some("\u{fffd}\u{fffd}")
        );
    }
}
