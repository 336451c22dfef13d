//! Text files as bytes: UTF-8 (with or without BOM), UTF-16 (with BOM, or
//! plainly so: every other byte zero), and — with feature `files` —
//! GB18030/GBK, which Windows tools in China still write.

/// Decoded text and the encoding it was in.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Why bytes could not be read as text; the message says which encodings
/// were tried.
#[derive(Debug, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DecodeError {}

/// [`decode`], for bytes the caller owns: UTF-8 without a mark becomes the
/// text without a copy (what the CLI reads most).
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    let marked = [&[0xef, 0xbb, 0xbf][..], &[0xff, 0xfe], &[0xfe, 0xff]].iter().any(|m| bytes.starts_with(m));
    if !marked && is_utf8(&bytes) {
        // SAFETY: just checked to be UTF-8.
        let text = unsafe { String::from_utf8_unchecked(bytes) };
        return Ok(Decoded { text, encoding: "UTF-8" });
    }
    decode(&bytes)
}

/// Whether bytes are UTF-8 (with SIMD where the file readers are built in).
fn is_utf8(bytes: &[u8]) -> bool {
    #[cfg(feature = "files")]
    return simdutf8::basic::from_utf8(bytes).is_ok();
    #[cfg(not(feature = "files"))]
    return std::str::from_utf8(bytes).is_ok();
}

/// Decodes a text file's bytes. Never guesses silently: bytes that fit no
/// encoding are an error naming the encodings tried.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    match bytes {
        [0xef, 0xbb, 0xbf, rest @ ..] => {
            return std::str::from_utf8(rest).map(|t| Decoded { text: t.to_string(), encoding: "UTF-8" }).map_err(
                |e| DecodeError(format!("文件以UTF-8标记开头，但第{}字节起不是有效的UTF-8", e.valid_up_to() + 4)),
            );
        }
        [0xff, 0xfe, rest @ ..] => return utf16(rest, u16::from_le_bytes, "UTF-16LE"),
        [0xfe, 0xff, rest @ ..] => return utf16(rest, u16::from_be_bytes, "UTF-16BE"),
        _ => {}
    }
    if let Ok(t) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: t.to_string(), encoding: "UTF-8" });
    }
    // UTF-16 without a BOM: most characters of a report are CJK, but the
    // digits and line ends have a zero byte; look for many zeros on one side.
    let zeros_at = |parity: usize| bytes.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let half = bytes.len() / 2;
    if half >= 8 && bytes.len().is_multiple_of(2) {
        let (even, odd) = (zeros_at(0), zeros_at(1));
        if odd * 5 >= half && odd > even * 4 {
            return utf16(bytes, u16::from_le_bytes, "UTF-16LE");
        }
        if even * 5 >= half && even > odd * 4 {
            return utf16(bytes, u16::from_be_bytes, "UTF-16BE");
        }
    }
    gb18030(bytes)
}

#[cfg(feature = "files")]
fn gb18030(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| Decoded { text: t.into_owned(), encoding: "GB18030" })
        .ok_or_else(|| DecodeError("无法识别文件编码：不是UTF-8或UTF-16，按GB18030（GBK）解码也有无效字节".into()))
}

#[cfg(not(feature = "files"))]
fn gb18030(_: &[u8]) -> Result<Decoded, DecodeError> {
    Err(DecodeError(
        "无法识别文件编码：不是UTF-8或UTF-16（GB18030/GBK编码的文件需以files功能构建本工具才能读取）".into(),
    ))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, name: &'static str) -> Result<Decoded, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError(format!("文件像是{name}编码，但字节数为奇数，文件可能不完整")));
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map(|text| Decoded { text, encoding: name })
        .map_err(|_| DecodeError(format!("文件像是{name}编码，但含有无效的字符")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xff, 0xfe] } else { vec![] };
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("规章 0".as_bytes()).unwrap().text, "规章 0");
        let mut b = vec![0xef, 0xbb, 0xbf];
        b.extend("规章".as_bytes());
        assert_eq!(decode(&b).unwrap(), Decoded { text: "规章".into(), encoding: "UTF-8" });
    }

    #[test]
    fn utf16_with_a_bom_or_plainly_so() {
        let text = "一、总体情况\r\n本年新收 12 件\r\n";
        assert_eq!(decode(&utf16le(text, true)).unwrap().text, text);
        let d = decode(&utf16le(text, false)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-16LE"));
        let be: Vec<u8> = [0xfe, 0xff].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
        assert!(decode(&[0xff, 0xfe, 0x41]).is_err());
    }

    #[cfg(feature = "files")]
    #[test]
    fn gbk_bytes() {
        let (bytes, _, _) = encoding_rs::GBK.encode("二、主动公开政府信息情况\n规章\t0\t0\t1");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert!(d.text.starts_with("二、主动公开"));
    }

    #[test]
    fn garbage_is_an_error_that_says_what_was_tried() {
        let e = decode(&[0x80, 0xff, 0xfe, 0x80, 0x30]).unwrap_err();
        assert!(e.0.contains("UTF-8"), "{e}");
    }
}
