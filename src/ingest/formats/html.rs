//! Web pages: the record's content as text, without the site around it.
//!
//! html5ever (through `scraper`) builds the tree as a browser would, so unclosed tags,
//! Word's conditional comments and stray `</div>`s give the same tree a reader sees.
//! The walk keeps the main content (`<main>`, else `role=main`, else `<body>`) and
//! drops navigation, menus, cookie banners, footers, sidebars, forms, scripts and
//! styles, by element and by the `class`/`id` words sites use for them. Headings,
//! paragraphs and table rows become paragraphs; list items become `- ` lines. The walk
//! is iterative: a page of 20,000 nested `<div>`s does not overflow the stack.
//!
//! A mailing-list archive page (pipermail: subject in `<h1>`, sender in `<b>`, date in
//! `<i>`, message in `<pre>`) is read as a mail message ([`super::mail`]).

use super::{Format, Rendering};
use crate::text::squash;
use ego_tree::iter::Edge;
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use std::sync::LazyLock;

/// Elements whose content is never the record's.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button",
    "iframe", "svg", "select", "object", "embed", "canvas", "dialog", "menu", "head",
];
/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "address",
    "hr",
    "center",
    "body",
    "html",
];
/// Landmark roles of site furniture.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "complementary",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
];
/// Words of `class` and `id` that sites give their furniture.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[-_\s])(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|cookies?|consent|gdpr|footer|sidebar|skip|share|sharing|social|toolbar|pager|pagination|related|newsletter|subscribe|masthead|site-header|banner|popup|modal|advert|ads)(?:$|[-_\s])").expect("furniture")
});

/// Whether decoded text is a web page, whatever its file name.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(200)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<?xml") && head.contains("<html"))
}

/// Renders a page as text (or as a mail message when it is an archive page).
pub fn render(source: &str) -> Rendering {
    let doc = Html::parse_document(source);
    render_doc(&doc)
}

/// The rendering of a parsed page.
pub fn render_doc(doc: &Html) -> Rendering {
    Rendering {
        format: Format::Html,
        text: content_text(doc),
        mail: None,
    }
}

pub(crate) fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

/// The page's content as text: the main region, else the body; a page title outside it
/// first.
pub fn content_text(doc: &Html) -> String {
    let root = ["main", "[role=main]", "#main-content", "#content", "body"]
        .iter()
        .find_map(|s| {
            doc.select(&selector(s))
                .next()
                .filter(|e| !is_furniture(*e))
        })
        .unwrap_or_else(|| doc.root_element());
    let mut out = Writer::default();
    let h1 = selector("h1");
    if root.select(&h1).next().is_none() {
        // Drupal and others put the page title above the content region
        if let Some(t) = doc.select(&h1).find(|h| !inside_furniture(*h)) {
            out.text(&t.text().collect::<String>());
            out.end_block();
        }
    }
    walk(root, &mut out);
    out.finish()
}

/// Whether an element is site furniture by name, role, class or id. Elements holding
/// the page's `<h1>` are kept: themes name their title bar "banner" or "header".
fn is_furniture(e: ElementRef<'_>) -> bool {
    let v = e.value();
    let name = v.name();
    if DROPPED.contains(&name) {
        return true;
    }
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    let by_attr = v
        .attr("role")
        .is_some_and(|r| DROPPED_ROLES.contains(&r.to_ascii_lowercase().as_str()))
        || v.attr("class").is_some_and(|c| FURNITURE.is_match(c))
        || v.id().is_some_and(|c| FURNITURE.is_match(c))
        || v.attr("style")
            .is_some_and(|s| s.replace(' ', "").contains("display:none"));
    let site_header = name == "header";
    (by_attr || site_header) && e.select(&selector("h1")).next().is_none()
}

fn inside_furniture(e: ElementRef<'_>) -> bool {
    e.ancestors().filter_map(ElementRef::wrap).any(is_furniture)
}

/// Text being written: paragraphs separated by blank lines, list items on their lines.
#[derive(Default)]
struct Writer {
    out: String,
    para: String,
    /// The marker of the list item being written (`- `, `3. `).
    item: Option<String>,
    last_was_item: bool,
    /// Inside `<pre>`: line ends are kept.
    pre: usize,
    /// Open lists: `None` bulleted, `Some(n)` numbered with the next number.
    lists: Vec<Option<u32>>,
    /// Cells written in the current table row.
    cells: usize,
}

impl Writer {
    fn text(&mut self, t: &str) {
        if self.pre > 0 {
            self.para.push_str(t);
        } else {
            // white space between inline elements is one space
            let mut prev_space = self.para.ends_with([' ', '\n']) || self.para.is_empty();
            for c in t.chars() {
                if c.is_whitespace() {
                    if !prev_space {
                        self.para.push(' ');
                        prev_space = true;
                    }
                } else {
                    self.para.push(c);
                    prev_space = false;
                }
            }
        }
    }

    fn line_break(&mut self) {
        self.para.push('\n');
    }

    fn end_block(&mut self) {
        let lines: Vec<String> = if self.pre > 0 {
            self.para
                .split('\n')
                .map(|l| l.trim_end().to_string())
                .collect()
        } else {
            self.para
                .split('\n')
                .map(squash)
                .filter(|l| !l.is_empty())
                .collect()
        };
        self.para.clear();
        let lines: Vec<String> = trim_blank_ends(lines);
        if lines.is_empty() {
            return;
        }
        let is_item = self.item.is_some();
        if !self.out.is_empty() {
            self.out.push_str(if is_item && self.last_was_item {
                "\n"
            } else {
                "\n\n"
            });
        }
        if let Some(m) = self.item.take() {
            self.out.push_str(&m);
        }
        self.out.push_str(&lines.join("\n"));
        self.last_was_item = is_item;
    }

    fn finish(mut self) -> String {
        self.end_block();
        self.out.push('\n');
        self.out
    }
}

fn trim_blank_ends(mut lines: Vec<String>) -> Vec<String> {
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let first = lines.iter().position(|l| !l.trim().is_empty());
    match first {
        Some(i) => lines.split_off(i),
        None => Vec::new(),
    }
}

/// Walks the tree under `root` without recursion.
fn walk(root: ElementRef<'_>, out: &mut Writer) {
    let mut skip: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => out.text(t),
                    Node::Element(_) => {
                        let Some(e) = ElementRef::wrap(node) else {
                            continue;
                        };
                        if e.id() != root.id() && is_furniture(e) {
                            skip = Some(node.id());
                            continue;
                        }
                        open(e, out);
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                if let Some(e) = ElementRef::wrap(node) {
                    close(e, out);
                }
            }
        }
    }
}

fn open(e: ElementRef<'_>, out: &mut Writer) {
    let name = e.value().name();
    match name {
        "br" => out.line_break(),
        "pre" => {
            out.end_block();
            out.pre += 1;
        }
        "ul" => {
            out.end_block();
            out.lists.push(None);
        }
        "ol" => {
            out.end_block();
            let start = e.attr("start").and_then(|s| s.parse().ok()).unwrap_or(1);
            out.lists.push(Some(start));
        }
        "li" => {
            out.end_block();
            let marker = match out.lists.last_mut() {
                Some(Some(n)) => {
                    let m = format!("{n}. ");
                    *n += 1;
                    m
                }
                _ => "- ".to_string(),
            };
            out.item = Some(marker);
        }
        "tr" => {
            out.end_block();
            out.cells = 0;
        }
        "td" | "th" => {
            if out.cells > 0 {
                out.text(", ");
            }
            out.cells += 1;
        }
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => out.end_block(),
        "img" => {}
        n if BLOCKS.contains(&n) => out.end_block(),
        _ => {}
    }
}

fn close(e: ElementRef<'_>, out: &mut Writer) {
    let name = e.value().name();
    match name {
        "pre" => {
            out.end_block();
            out.pre = out.pre.saturating_sub(1);
        }
        "ul" | "ol" => {
            out.end_block();
            out.lists.pop();
        }
        "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => out.end_block(),
        "td" | "th" => {}
        n if BLOCKS.contains(&n) => out.end_block(),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        render(html).text
    }

    #[test]
    fn test_keeps_content_drops_navigation_cookies_footer_scripts() {
        let t = text(
            r#"<html><head><title>T</title><style>p{color:red}</style></head><body>
            <header class="site-header"><a href="/">Home</a><ul class="menu"><li>About</li></ul></header>
            <div id="cookie-banner">We use cookies. <button>Accept</button></div>
            <nav><a href="/x">Meetings</a></nav>
            <main><h1>Virtual Meeting III</h1><p>The meeting   was
            held on <b>12 May 2026</b>.</p><ul><li>first</li><li>second</li></ul>
            <script>var x = "<p>no</p>";</script></main>
            <footer>Copyright IGF</footer></body></html>"#,
        );
        assert_eq!(
            t,
            "Virtual Meeting III\n\nThe meeting was held on 12 May 2026.\n\n- first\n- second\n"
        );
    }

    #[test]
    fn test_title_outside_the_content_region_comes_first() {
        let t = text(
            "<body><div class=region><h1 class=page-title>Summary Report</h1></div>\
             <main><p>Body text.</p></main></body>",
        );
        assert_eq!(t, "Summary Report\n\nBody text.\n");
    }

    #[test]
    fn test_word_html_lists_and_paragraphs() {
        let t = text(
            "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head>\
             <!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>X</o:Author></o:DocumentProperties></xml><![endif]-->\
             <style>p.MsoNormal{mso-style-parent:\"\"}</style></head><body lang=EN-GB>\
             <div class=WordSection1><p class=MsoNormal><span style='font-size:12.0pt'>Opening&nbsp;words.<o:p></o:p></span></p>\
             <p class=MsoListParagraph><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>An item.</p>\
             </div></body></html>",
        );
        assert_eq!(t, "Opening words.\n\n· An item.\n");
    }

    #[test]
    fn test_numbered_list_and_table_rows() {
        let t = text(
            "<body><ol><li>one</li><li>two</li></ol><table><tr><td>Ana</td><td>IGF</td></tr></table></body>",
        );
        assert_eq!(t, "1. one\n2. two\n\nAna, IGF\n");
    }

    #[test]
    fn test_deep_nesting_does_not_overflow() {
        let mut s = String::new();
        for _ in 0..20_000 {
            s.push_str("<div>");
        }
        s.push_str("deep");
        assert!(text(&s).contains("deep"));
    }
}
