//! What `check` is given: files, folders (searched for report files) and
//! standard input, each read as text or with the reason it cannot be.

use nianbao::report::pairing::{Key, HEAD};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The extensions a folder is searched for.
const REPORT_EXTENSIONS: [&str; 6] = ["txt", "md", "html", "htm", "docx", "pdf"];

/// One input to check.
pub enum Input {
    /// Standard input, read once before the checking starts.
    Stdin(Result<String, String>),
    File(PathBuf),
    /// A path that could not be listed or does not exist, with why.
    Missing(PathBuf, String),
}

impl Input {
    /// How the output names it: the path as given, or `-`.
    pub fn label(&self) -> String {
        match self {
            Input::Stdin(_) => "-".into(),
            Input::File(p) | Input::Missing(p, _) => p.display().to_string(),
        }
    }

    /// The contract's `source`: the file name, none for standard input.
    pub fn source(&self) -> Option<String> {
        match self {
            Input::Stdin(_) => None,
            Input::File(p) | Input::Missing(p, _) => {
                Some(p.file_name().map_or_else(|| p.display().to_string(), |f| f.to_string_lossy().into_owned()))
            }
        }
    }

    /// The key that pairs the input with its agency's other years, read
    /// from the head of a text file where the title is there, else from
    /// the whole text (none when it cannot be read).
    pub fn key(&self) -> Option<Key> {
        if let Input::File(path) = self {
            if let Some(decided) = head(path).and_then(|h| Key::of_head(&h)) {
                return decided;
            }
        }
        self.text().ok().and_then(|t| Key::of_text(&t))
    }

    /// The input as text, or why it cannot be read (in Chinese).
    pub fn text(&self) -> Result<String, String> {
        match self {
            Input::Stdin(text) => text.clone(),
            Input::Missing(_, why) => Err(why.clone()),
            Input::File(path) => read(path),
        }
    }
}

/// The inputs the arguments name, in order: a folder's report files
/// recursively in name order, `-` for standard input (read once).
pub fn collect(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    let mut stdin_read = false;
    for path in paths {
        if path.as_os_str() == "-" {
            if !stdin_read {
                stdin_read = true;
                let mut buf = Vec::new();
                let text = match std::io::stdin().read_to_end(&mut buf) {
                    Ok(_) => decode("-", &buf),
                    Err(e) => Err(format!("无法读取标准输入：{}", io_reason(&e))),
                };
                out.push(Input::Stdin(text));
            }
        } else {
            walk(path, &mut out);
        }
    }
    out
}

fn walk(path: &Path, out: &mut Vec<Input>) {
    if !path.is_dir() {
        // A file, or a path that is not there (reading it will say so).
        out.push(Input::File(path.to_path_buf()));
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) => return out.push(Input::Missing(path.to_path_buf(), format!("无法读取目录：{}", io_reason(&e)))),
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            walk(&e, out);
        } else if e.extension().is_some_and(|x| REPORT_EXTENSIONS.iter().any(|k| x.eq_ignore_ascii_case(k))) {
            out.push(Input::File(e));
        }
    }
}

/// A file's text: refused unread when too large, else read and decoded.
fn read(path: &Path) -> Result<String, String> {
    let size = std::fs::metadata(path).map_err(|e| format!("无法读取：{}", io_reason(&e)))?.len();
    if size > nianbao::MAX_INPUT_BYTES as u64 {
        let tenths = size * 10 / (1024 * 1024);
        return Err(format!(
            "文件过大（{}.{} MB），超过{} MB的上限；年度报告通常不超过1 MB，请确认文件是否正确",
            tenths / 10,
            tenths % 10,
            nianbao::MAX_INPUT_BYTES / (1024 * 1024)
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("无法读取：{}", io_reason(&e)))?;
    nianbao::input::file_text_owned(&path.to_string_lossy(), bytes).map_err(|e| e.0)
}

/// The first whole lines of a UTF-8 text file (.txt, .md) longer than
/// [`HEAD`]: what [`decode`] would give of them, without reading the rest.
/// `None` for any other file (it is read whole).
fn head(path: &Path) -> Option<String> {
    let by_name = path.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt") || x.eq_ignore_ascii_case("md"));
    if !by_name {
        return None;
    }
    let mut bytes = Vec::with_capacity(HEAD);
    std::fs::File::open(path).ok()?.take(HEAD as u64 + 1).read_to_end(&mut bytes).ok()?;
    if bytes.len() <= HEAD
        || nianbao::input::FileKind::of(&path.to_string_lossy(), &bytes) != nianbao::input::FileKind::Text
    {
        return None;
    }
    // Without a UTF-8 mark, or with one (decoding drops it); never UTF-16, never zero bytes.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") || bytes.contains(&0) {
        return None;
    }
    let cut = bytes[..HEAD.min(bytes.len())].iter().rposition(|&b| b == b'\n')?;
    std::str::from_utf8(&bytes[..=cut]).ok().map(str::to_string)
}

fn decode(name: &str, bytes: &[u8]) -> Result<String, String> {
    nianbao::input::file_text(name, bytes).map_err(|e| e.0)
}

/// An I/O error in Chinese, with the system's words after it.
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let what = match e.kind() {
        NotFound => "文件或目录不存在",
        PermissionDenied => "没有读取权限",
        IsADirectory => "这是一个目录",
        InvalidData => "内容无效",
        _ => "读取出错",
    };
    format!("{what}（{e}）")
}
