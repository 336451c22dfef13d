//! A dropped or opened file's bytes as text: UTF-8 (with or without BOM) or
//! UTF-16 with a BOM. Anything else is refused with a message that says why,
//! rather than checked as mojibake.

pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let text = match bytes {
        [0xef, 0xbb, 0xbf, rest @ ..] => utf8(rest)?,
        [0xff, 0xfe, rest @ ..] => utf16(rest, u16::from_le_bytes)?,
        [0xfe, 0xff, rest @ ..] => utf16(rest, u16::from_be_bytes)?,
        _ => utf8(bytes)?,
    };
    if text.contains('\0') {
        return Err("文件中含有空字符，不像纯文本文件（如为Word、PDF或无BOM的UTF-16文件，请先另存为UTF-8编码的.txt）".into());
    }
    Ok(text)
}

fn utf8(bytes: &[u8]) -> Result<String, String> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        format!(
            "文件不是UTF-8编码，第{}字节起无法解码。如为GBK/GB2312编码，请用记事本等软件另存为UTF-8后再打开",
            e.utf8_error().valid_up_to() + 1
        )
    })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, String> {
    if !bytes.len().is_multiple_of(2) {
        return Err("文件标明为UTF-16编码，但字节数为奇数，文件可能不完整".into());
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| "文件标明为UTF-16编码，但其中有无法解码的字符".into())
}

#[cfg(test)]
mod tests {
    use super::decode;

    fn utf16(s: &str, bom: [u8; 2], f: fn(u16) -> [u8; 2]) -> Vec<u8> {
        bom.into_iter().chain(s.encode_utf16().flat_map(f)).collect()
    }

    #[test]
    fn reads_utf8_with_and_without_bom() {
        assert_eq!(decode("表三".as_bytes()).unwrap(), "表三");
        assert_eq!(decode(b"\xef\xbb\xbf\xe8\xa1\xa8").unwrap(), "表");
    }

    #[test]
    fn reads_utf16_both_ways() {
        assert_eq!(decode(&utf16("年报 1", [0xff, 0xfe], u16::to_le_bytes)).unwrap(), "年报 1");
        assert_eq!(decode(&utf16("年报 1", [0xfe, 0xff], u16::to_be_bytes)).unwrap(), "年报 1");
    }

    #[test]
    fn refuses_gbk_and_binary_with_a_reason() {
        // 年报 in GBK.
        let err = decode(&[0xc4, 0xea, 0xb1, 0xa8]).unwrap_err();
        assert!(err.contains("UTF-8") && err.contains("第1字节"), "{err}");
        assert!(decode(b"a\0b").unwrap_err().contains("空字符"));
        assert!(decode(&[0xff, 0xfe, 0x41]).unwrap_err().contains("奇数"));
    }
}
