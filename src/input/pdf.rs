//! .pdf files read natively (feature `pdf`, the command-line checker): the
//! characters of each page and where they stand (pdf-extract), gathered
//! into runs of text and laid out as lines as the app lays out pdf.js's
//! items ([`super::pdf_text`]). A scanned PDF (pictures, no text) and one
//! the reader cannot open are errors that say so.

use super::pdf_text::{read_pages, TextItem};
use super::FileError;
use crate::util::chars::laid_out_width;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// The text of a PDF's pages, laid out as lines. Read on a thread of its
/// own with a deep stack, and given up after [`READ_TIMEOUT`]: a file made
/// to send the reader round in circles is a message, not a frozen batch.
pub fn pdf_text(bytes: &[u8]) -> Result<String, FileError> {
    let owned = bytes.to_vec();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::Builder::new().stack_size(READ_STACK).spawn(move || {
        let _ = tx.send(read(&owned));
    });
    if reader.is_err() {
        return read(bytes);
    }
    match rx.recv_timeout(READ_TIMEOUT) {
        Ok(read) => read,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(unreadable("读取超时")),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Err(unreadable("无法解析页面内容")),
    }
}

/// A PDF taking longer than this to read is given up.
const READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);
/// The reading thread's stack: room for deeply nested objects.
const READ_STACK: usize = 64 << 20;

fn unreadable(why: &str) -> FileError {
    FileError(format!("无法读取这个PDF文件（{why}）；可在网页应用中打开，或先转成文字再检查"))
}

/// The reader's own checks panic on some malformed files (in parsing
/// and in reading the pages): a message, not a crash.
fn read(bytes: &[u8]) -> Result<String, FileError> {
    std::panic::catch_unwind(|| read_pages(&pages_of(bytes)?)).unwrap_or_else(|_| Err(unreadable("无法解析页面内容")))
}

fn pages_of(bytes: &[u8]) -> Result<Vec<Vec<TextItem>>, FileError> {
    let doc = pdf_extract::Document::load_mem(bytes).map_err(|_| unreadable("文件已损坏或不是PDF"))?;
    if doc.is_encrypted() {
        return Err(FileError("这个PDF文件已加密，无法读取文字；请先去除密码保护".into()));
    }
    let mut pages = Pages::default();
    pdf_extract::output_doc(&doc, &mut pages).map_err(|_| unreadable("无法解析页面内容"))?;
    pages.flush();
    Ok(pages.done)
}

/// The pages' items, built a character at a time: one item a string the
/// page shows (a `Tj`, or a string of a `TJ`), as pdf.js gives them; the
/// layout joins those that touch.
#[derive(Default)]
struct Pages {
    done: Vec<Vec<TextItem>>,
    page: Vec<TextItem>,
    /// The item being built.
    run: Option<TextItem>,
}

impl Pages {
    fn flush(&mut self) {
        if let Some(item) = self.run.take() {
            self.page.push(item);
        }
    }
}

impl OutputDev for Pages {
    fn begin_page(&mut self, _: u32, _: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.flush();
        self.done.push(std::mem::take(&mut self.page));
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let (x, y) = (trm.m31, trm.m32);
        // The font's size on the page: the side of a square of the area
        // the transform gives a square of that size (as pdf-extract measures it).
        let (sx, sy) = (font_size * (trm.m11 + trm.m21), font_size * (trm.m12 + trm.m22));
        let height = (sx * sy).abs().sqrt();
        // A glyph's advance: a Chinese character's is the font's size; any
        // other's as the font says, within reason (some fonts give none).
        let said = ((width * font_size + spacing) * trm.m11).abs();
        let advance = match laid_out_width(char) {
            2 => height,
            _ if said < 0.2 * height => 0.5 * height,
            _ => said.min(height),
        };
        if let Some(run) = &mut self.run {
            // (A string written downwards or backwards is items of its own.)
            if (run.y - y).abs() <= 0.2 * height.max(run.height) && x >= run.x {
                run.text.push_str(char);
                run.width = x + advance - run.x;
                return Ok(());
            }
        }
        self.flush();
        self.run = Some(TextItem { text: char.to_string(), x, y, width: advance, height });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.flush();
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
