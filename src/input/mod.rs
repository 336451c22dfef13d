//! How a report reaches the checker, when it is not plain text.
//!
//! Web pages, pasted HTML and .docx files carry real tables. They are read
//! as [`Block`]s in document order — text, and tables as cell grids — and
//! written out as the text the pipeline reads (see [`blocks_to_text`]): one
//! table row a line, cells separated by tabs. Rows are then found by their
//! labels, as in any text, so header and data rows whose column spans
//! disagree still line up with the template.
//!
//! The browser gives the grids from its own DOMParser (no HTML crate in the
//! wasm core); natively, [`html`] (feature `html`) reads .html files and
//! [`docx`] (feature `files`) reads .docx files. [`text`] decodes .txt bytes.
//!
//! A PDF's text is laid out as lines by [`pdf_text`] from its text items:
//! pdf.js's in the browser, [`pdf`]'s (feature `pdf`) natively.

pub mod grid;
pub mod pdf_text;
pub mod text;

#[cfg(feature = "files")]
pub mod docx;
#[cfg(feature = "html")]
pub mod html;
#[cfg(feature = "pdf")]
pub mod pdf;

pub use grid::{blocks_to_text, Block};

/// Why a file could not be read as a report.
#[derive(Debug, PartialEq, Eq)]
pub struct FileError(pub String);

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FileError {}

/// The kinds of file a report comes in, told by name and by content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Docx,
    Html,
    Text,
}

impl FileKind {
    pub fn of(name: &str, bytes: &[u8]) -> FileKind {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".docx") || (bytes.starts_with(b"PK\x03\x04") && !lower.ends_with(".txt")) {
            FileKind::Docx
        } else if lower.ends_with(".html") || lower.ends_with(".htm") || looks_like_html(bytes) {
            FileKind::Html
        } else {
            FileKind::Text
        }
    }
}

/// What a file is, when its first bytes say it is no text the checker reads.
pub fn not_text(bytes: &[u8]) -> Option<&'static str> {
    const KINDS: [(&[u8], &str); 9] = [
        (b"%PDF-", "这是PDF文件；读取PDF需要以pdf功能构建本工具（cargo build --features pdf），或用网页应用打开"),
        (b"\x89PNG", "这是PNG图片，不是文字；扫描件请先识别成文字"),
        (b"\xff\xd8\xff", "这是JPEG图片，不是文字；扫描件请先识别成文字"),
        (b"GIF8", "这是GIF图片，不是文字"),
        (b"\xd0\xcf\x11\xe0", "这是旧版Office文件（如.doc、.xls、.wps），请另存为.docx或纯文本后再检查"),
        (b"\x7fELF", "这是程序文件，不是文字"),
        (b"\x1f\x8b", "这是gzip压缩文件，请先解压"),
        (b"Rar!", "这是RAR压缩文件，请先解压"),
        (b"7z\xbc\xaf", "这是7z压缩文件，请先解压"),
    ];
    KINDS.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|k| k.1)
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let markup = &bytes[..bytes.len().min(MARKUP_HEAD)];
    starts_as_html(bytes)
        // (Markup has closing tags: text with fewer than is_markup asks for
        // is not decoded and searched, which most of a batch's time it would be.)
        || (closing_tags(markup) >= MIN_CLOSING_TAGS && is_markup(&String::from_utf8_lossy(markup)))
}

/// Whether the first 512 bytes, from the first that is neither ASCII white
/// space nor part of a character past ASCII, start `<!doctype html` or
/// `<html` in any case: compared in place (no copy, no decoding: the
/// prefixes are ASCII).
fn starts_as_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512)];
    let head = &head[head.iter().position(|b| !(b.is_ascii_whitespace() || *b >= 0x80)).unwrap_or(head.len())..];
    let starts = |prefix: &[u8]| head.get(..prefix.len()).is_some_and(|h| h.eq_ignore_ascii_case(prefix));
    starts(b"<!doctype html") || starts(b"<html")
}

/// Markup has at least this many closing tags (`</`).
const MIN_CLOSING_TAGS: usize = 3;

/// The `</` in bytes, up to [`MIN_CLOSING_TAGS`] (natively with memchr's
/// SIMD search; the wasm builds keep their size with a plain loop).
fn closing_tags(bytes: &[u8]) -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    return memchr::memmem::find_iter(bytes, b"</").take(MIN_CLOSING_TAGS).count();
    #[cfg(target_arch = "wasm32")]
    return bytes.windows(2).filter(|w| *w == b"</").take(MIN_CLOSING_TAGS).count();
}

/// How much of a text is looked at to tell markup.
const MARKUP_HEAD: usize = 64 * 1024;

/// Whether text is HTML markup rather than a report's text: a page's
/// source or a CMS fragment (`<p>…</p><table>…`) pasted or saved as text.
/// Then it is read as a web page is (its tables as cell grids).
pub fn is_markup(text: &str) -> bool {
    let head = &text[..crate::util::chars::floor_boundary(text, MARKUP_HEAD)];
    let lower = head.to_ascii_lowercase();
    let count = |tag: &str| lower.matches(tag).count();
    let table = count("<table") > 0 && count("<td") + count("<th") >= 3;
    let paragraphs = count("<p>") + count("<p ") + count("<div") + count("<br") + count("<span") >= 5;
    (table || paragraphs) && count("</") >= MIN_CLOSING_TAGS
}

/// A file's report text: a .docx's paragraphs and tables, an HTML page's
/// text and tables, or a text file decoded (see [`text::decode`]).
/// Formats whose feature is not built in, and files that are not text (a
/// picture, a PDF, an old .doc), are an error that says so.
pub fn file_text(name: &str, bytes: &[u8]) -> Result<String, FileError> {
    #[cfg(feature = "pdf")]
    if bytes.starts_with(b"%PDF-") {
        return pdf::pdf_text(bytes);
    }
    if let Some(what) = not_text(bytes) {
        return Err(FileError(what.to_string()));
    }
    match FileKind::of(name, bytes) {
        FileKind::Docx => docx_text(bytes),
        FileKind::Html => {
            let decoded = text::decode(bytes).map_err(|e| FileError(e.0))?;
            html_text(&decoded.text)
        }
        FileKind::Text => text::decode(bytes).map(|d| d.text).map_err(|e| FileError(e.0)),
    }
}

/// [`file_text`], for bytes the caller owns: a UTF-8 text file becomes the
/// text without a copy.
pub fn file_text_owned(name: &str, bytes: Vec<u8>) -> Result<String, FileError> {
    if not_text(&bytes).is_none() && FileKind::of(name, &bytes) == FileKind::Text {
        return text::decode_owned(bytes).map(|d| d.text).map_err(|e| FileError(e.0));
    }
    file_text(name, &bytes)
}

#[cfg(feature = "files")]
fn docx_text(bytes: &[u8]) -> Result<String, FileError> {
    docx::docx_text(bytes).map_err(|e| FileError(e.0))
}

#[cfg(not(feature = "files"))]
fn docx_text(_: &[u8]) -> Result<String, FileError> {
    Err(FileError("读取.docx文件需要以files功能构建本工具（cargo build --features files）".into()))
}

#[cfg(feature = "html")]
fn html_text(html: &str) -> Result<String, FileError> {
    Ok(html::html_text(html))
}

#[cfg(not(feature = "html"))]
fn html_text(_: &str) -> Result<String, FileError> {
    Err(FileError("读取.html文件需要以html功能构建本工具（cargo build --features html）".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// As the head copied, decoded and lowercased says.
        #[test]
        fn starts_as_html_as_the_decoded_head(
            lead in proptest::collection::vec(proptest::sample::select(vec![b' ', b'\n', 0xe3, 0x80, 0xff, b'x']), 0..520),
            tag in proptest::sample::select(vec!["<!DOCTYPE html>", "<!doctype HTML", "<html", "<HtMl>", "<htm", "<!doctype", ""]),
            tail in proptest::collection::vec(proptest::num::u8::ANY, 0..8),
        ) {
            let bytes = [&lead[..], tag.as_bytes(), &tail].concat();
            let head: Vec<u8> =
                bytes.iter().take(512).copied().skip_while(|b| b.is_ascii_whitespace() || *b >= 0x80).collect();
            let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
            let plain = head.starts_with("<!doctype html") || head.starts_with("<html");
            proptest::prop_assert_eq!(starts_as_html(&bytes), plain);
        }
    }

    #[test]
    fn markup_is_told_from_a_report() {
        assert!(is_markup("<p>测试局</p><table><tr><td>规章</td><td>0</td><td>1</td></tr></table>"));
        assert!(is_markup("<div>一</div><div>二</div><p>三</p><p>四</p><br><span>五</span>"));
        assert!(!is_markup("一、总体情况\n本局按照《条例》<有关规定>开展工作。\n规章\t0\t0\t1"));
        assert_eq!(
            FileKind::of("page.txt", "<p>一</p><table><tr><td>a</td><td>0</td><td>1</td></tr></table>".as_bytes()),
            FileKind::Html
        );
    }

    #[test]
    fn kinds_by_name_and_content() {
        assert_eq!(FileKind::of("a.DOCX", b""), FileKind::Docx);
        assert_eq!(FileKind::of("a", b"PK\x03\x04rest"), FileKind::Docx);
        assert_eq!(FileKind::of("a.txt", b"\xef\xbb\xbf <!DOCTYPE html><html>"), FileKind::Html);
        assert_eq!(FileKind::of("page.htm", b"x"), FileKind::Html);
        assert_eq!(FileKind::of("a.txt", "一、总体情况".as_bytes()), FileKind::Text);
    }

    #[test]
    fn pictures_and_pdfs_are_said_to_be_no_text() {
        let e = file_text("扫描件.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert!(e.0.contains("PNG图片"), "{e}");
        assert!(file_text("报告.txt", b"%PDF-1.7\n").unwrap_err().0.contains("PDF"));
        assert!(file_text("报告.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1").unwrap_err().0.contains(".doc"));
    }

    #[test]
    fn text_files_are_decoded() {
        assert_eq!(file_text("a.txt", "规章 0".as_bytes()).unwrap(), "规章 0");
        assert_eq!(file_text_owned("a.txt", "规章 0".as_bytes().to_vec()).unwrap(), "规章 0");
        assert_eq!(file_text_owned("a.txt", b"\xef\xbb\xbf\xe8\xa7\x84".to_vec()).unwrap(), "规");
        assert!(file_text_owned("a.txt", vec![0xff, 0xfe, 0x41]).is_err());
        assert!(file_text("a.txt", &[0xff, 0xfe, 0x41]).is_err());
    }
}
