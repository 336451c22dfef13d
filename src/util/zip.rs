//! A zip archive of stored (uncompressed) files, written by hand: what a
//! .docx needs, with no compression crate, so that the wasm app can write
//! one too. A name that is not ASCII is marked UTF-8 (general purpose bit
//! 11: the feedback letters' Chinese file names); no file nears the 4 GB of
//! plain zip.

/// CRC-32 (IEEE, as zip uses it), bit by bit: a .docx of three tables is a
/// few tens of KB, and a table of 256 entries would cost more wasm than
/// the time it saves.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xedb8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// The archive of `files` (name, content), in order, each stored.
pub fn stored(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = out.len() as u32;
        let (crc, size) = (crc32(data), data.len() as u32);
        let flags: u16 = if name.is_ascii() { 0 } else { 0x0800 };
        // Local file header: version 2.0, the flags, method 0 (stored),
        // time and date 1980-01-01 00:00.
        put(&mut out, &[0x0403_4b50]);
        put16(&mut out, &[20, flags, 0, 0, 0x21]);
        put(&mut out, &[crc, size, size]);
        put16(&mut out, &[name.len() as u16, 0]);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Its entry in the central directory.
        put(&mut central, &[0x0201_4b50]);
        put16(&mut central, &[20, 20, flags, 0, 0, 0x21]);
        put(&mut central, &[crc, size, size]);
        put16(&mut central, &[name.len() as u16, 0, 0, 0, 0]);
        put(&mut central, &[0, offset]);
        central.extend_from_slice(name.as_bytes());
    }
    let (at, length) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    // End of central directory.
    put(&mut out, &[0x0605_4b50]);
    put16(&mut out, &[0, 0, files.len() as u16, files.len() as u16]);
    put(&mut out, &[length, at]);
    put16(&mut out, &[0]);
    out
}

fn put(out: &mut Vec<u8>, words: &[u32]) {
    for w in words {
        out.extend_from_slice(&w.to_le_bytes());
    }
}

fn put16(out: &mut Vec<u8>, halves: &[u16]) {
    for h in halves {
        out.extend_from_slice(&h.to_le_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_of_known_strings() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414f_a339);
    }

    #[cfg(feature = "files")]
    #[test]
    fn a_zip_reader_reads_it_back() {
        use std::io::Read;
        let zip =
            stored(&[("a.txt", b"hello"), ("dir/b.xml", "<x>年报</x>".as_bytes()), ("empty", b""), ("意见.txt", b"x")]);
        let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
        assert_eq!(archive.len(), 4);
        assert!(archive.by_name("意见.txt").is_ok(), "a UTF-8 name reads back");
        let mut text = String::new();
        archive.by_name("dir/b.xml").unwrap().read_to_string(&mut text).unwrap();
        assert_eq!(text, "<x>年报</x>");
        let mut a = String::new();
        archive.by_index(0).unwrap().read_to_string(&mut a).unwrap();
        assert_eq!(a, "hello");
    }
}
