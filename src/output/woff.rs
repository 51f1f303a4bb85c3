//! WOFF 1.0 (W3C, 2012): an OpenType font with each table compressed by zlib, which
//! every browser reads. index.html embeds its fonts so, at about half their size:
//! Vazirmatn Regular 122,752 bytes as 67,912 in fontTools' WOFF, Noto Sans 348,492
//! as 181,008 (zlib at its best level here: within a few hundred bytes of those).

use std::io::Write as _;

/// The font `sfnt` (TrueType or CFF outlines) as WOFF 1.0, or `None` when its table
/// directory does not parse. Deterministic: the same font gives the same bytes.
pub fn woff(sfnt: &[u8]) -> Option<Vec<u8>> {
    let u16_at = |at: usize| Some(u16::from_be_bytes(sfnt.get(at..at + 2)?.try_into().ok()?));
    let u32_at = |at: usize| Some(u32::from_be_bytes(sfnt.get(at..at + 4)?.try_into().ok()?));
    let flavor = u32_at(0)?;
    let count = usize::from(u16_at(4)?);
    // Each table: tag, checksum, and its bytes, in the directory's order (by tag, as
    // OpenType requires and WOFF asks of its own directory).
    let mut tables = Vec::with_capacity(count);
    for i in 0..count {
        let record = 12 + 16 * i;
        let tag = u32_at(record)?;
        let checksum = u32_at(record + 4)?;
        let offset = u32_at(record + 8)? as usize;
        let length = u32_at(record + 12)? as usize;
        let data = sfnt.get(offset..offset.checked_add(length)?)?;
        tables.push((tag, checksum, data));
    }
    tables.sort_by_key(|&(tag, _, _)| tag);
    let padded = |n: usize| (n + 3) & !3;
    let sfnt_size = 12 + 16 * count + tables.iter().map(|t| padded(t.2.len())).sum::<usize>();
    let mut directory = Vec::with_capacity(20 * count);
    let mut data = Vec::new();
    let data_start = 44 + 20 * count;
    for (tag, checksum, table) in tables {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(table).ok()?;
        let compressed = z.finish().ok()?;
        // A table that zlib does not shrink is stored as it is.
        let stored: &[u8] = if compressed.len() < table.len() {
            &compressed
        } else {
            table
        };
        directory.extend_from_slice(&tag.to_be_bytes());
        directory.extend_from_slice(&u32::try_from(data_start + data.len()).ok()?.to_be_bytes());
        directory.extend_from_slice(&u32::try_from(stored.len()).ok()?.to_be_bytes());
        directory.extend_from_slice(&u32::try_from(table.len()).ok()?.to_be_bytes());
        directory.extend_from_slice(&checksum.to_be_bytes());
        data.extend_from_slice(stored);
        data.resize(padded(data.len()), 0);
    }
    let total = data_start + data.len();
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(b"wOFF");
    out.extend_from_slice(&flavor.to_be_bytes());
    out.extend_from_slice(&u32::try_from(total).ok()?.to_be_bytes());
    out.extend_from_slice(&u16::try_from(count).ok()?.to_be_bytes());
    out.extend_from_slice(&0u16.to_be_bytes()); // reserved
    out.extend_from_slice(&u32::try_from(sfnt_size).ok()?.to_be_bytes());
    out.extend_from_slice(&1u16.to_be_bytes()); // the font's version: 1.0
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&[0; 20]); // no metadata, no private data
    out.extend_from_slice(&directory);
    out.extend_from_slice(&data);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    /// Each table of the WOFF file inflates to the font's own table, and the header
    /// sizes add up.
    #[test]
    fn every_table_comes_back() {
        for file in crate::output::chart::fonts::FONT_FILES.iter().take(3) {
            let font = file.data;
            let packed = woff(font).expect("the embedded font parses");
            assert!(packed.len() < font.len() * 3 / 4, "{}", file.family);
            assert_eq!(&packed[..4], b"wOFF");
            assert_eq!(packed[4..8], font[..4]);
            let be32 = |b: &[u8], at: usize| u32::from_be_bytes(b[at..at + 4].try_into().unwrap());
            assert_eq!(be32(&packed, 8) as usize, packed.len());
            let count = u16::from_be_bytes([packed[12], packed[13]]) as usize;
            assert_eq!(count, u16::from_be_bytes([font[4], font[5]]) as usize);
            for i in 0..count {
                let entry = 44 + 20 * i;
                let (tag, offset, stored, length) = (
                    be32(&packed, entry),
                    be32(&packed, entry + 4) as usize,
                    be32(&packed, entry + 8) as usize,
                    be32(&packed, entry + 12) as usize,
                );
                assert_eq!(offset % 4, 0);
                let mut table = packed[offset..offset + stored].to_vec();
                if stored < length {
                    let mut inflated = Vec::new();
                    flate2::read::ZlibDecoder::new(&table[..])
                        .read_to_end(&mut inflated)
                        .unwrap();
                    table = inflated;
                }
                let original = (0..count)
                    .map(|j| 12 + 16 * j)
                    .find(|&r| be32(font, r) == tag)
                    .map(|r| {
                        let (at, len) = (be32(font, r + 8) as usize, be32(font, r + 12) as usize);
                        &font[at..at + len]
                    })
                    .expect("the tag is in the font");
                assert_eq!(table, original, "table {tag:08x} of {}", file.family);
            }
        }
    }

    #[test]
    fn a_truncated_font_is_refused() {
        let font = crate::output::chart::fonts::FONT_FILES[0].data;
        assert!(woff(&font[..100]).is_none());
        assert!(woff(&[]).is_none());
    }
}
