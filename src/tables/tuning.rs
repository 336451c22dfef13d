//! The numbers that tune how tables are read, in one place: how alike a
//! label must be to a template row's, how the version of a table is
//! settled, and the limits that keep reading linear. Each was set on the
//! seed reports and the corpus; `tests/roundtrip.rs` and the corpus
//! snapshots show what a change does.

// ---------------------------------------------------------------- labels

/// How much of a template label must be found in a segment's label (see
/// `matching::similarity`) for the segment to be that row.
pub const MATCH_THRESHOLD: f32 = 0.34;

/// How a row's gain is made of its label's similarity and whether its
/// ordinal (（一）, 1.) is there: `LABEL_WEIGHT × similarity + ORDINAL_WEIGHT`.
pub const LABEL_WEIGHT: f32 = 0.7;
pub const ORDINAL_WEIGHT: f32 = 0.3;

/// A label with no values after it is that row only when this much alike…
pub const EMPTY_ROW_SIMILARITY: f32 = 0.8;
/// …or this much with the row's ordinal (`3.`) too (seven of nine letters,
/// the rest cut off onto a group heading's line)…
pub const EMPTY_ROW_SIMILARITY_WITH_ORDINAL: f32 = 0.6;
/// …and counts for this share of its gain (the row is there but empty).
pub const EMPTY_ROW_GAIN: f32 = 0.5;

/// What a segment with exactly the table's number of values adds to its gain.
pub const FULL_ROW_BONUS: f32 = 0.1;

/// How many characters from the end of a segment's label a row's ordinal
/// is looked for in: half as many again as the template label has, and ten.
pub const fn ordinal_window(label_chars: usize) -> usize {
    label_chars * 3 / 2 + 10
}

/// A table is there when at least this many of its rows are found.
pub const MIN_ROWS_FOUND: usize = 3;

// ---------------------------------------------------------------- versions

/// A version's rows that only it has (its cue rows) settle the version when
/// one of them is found this much alike.
pub const CUE_ROW_SIMILARITY: f32 = 0.5;

/// Otherwise a newer version is taken over an older one when its rows fit
/// better by this much (summed gains), or fit as well and the report's year
/// requires it.
pub const NEWER_VERSION_MARGIN: f32 = 0.5;

// ------------------------------------------------- laid-out text (sparse)

/// How far outside its column's name in the header a value's centre may
/// stand and still be under it (columns of laid-out text: a digit one, a
/// Chinese character two). Values are centred in their cells as names are;
/// one column absorbs the rounding of positions to whole columns.
pub const HEADER_MARGIN: f32 = 1.0;

/// The share of a table's values that must start exactly where a column
/// name starts for the table to count as aligned left ([`super::sparse`]).
pub const LEFT_ALIGNED: f32 = 0.8;

/// On a table aligned left, how far (columns) a value's start may be from
/// its name's start when it starts under no name: the grid rounds the two
/// apart by one.
pub const ALIGNED_SLACK: f32 = 1.0;

/// Values of rows laid out on one scale stand in one column when their
/// places from their rows' totals (starts or centres), sorted, are at most
/// this far from the next (columns of laid-out text)…
pub const POSITION_JOIN: f32 = 2.0;
/// …and all of them within this much: neighbouring columns of a table's
/// numbers stand four columns apart or more.
pub const POSITION_SPREAD: f32 = 3.0;

/// Table 三 is read as text written in blocks, its values away from their
/// rows, when at least this many of its rows have values that no
/// placement fits: a report's own slips break a row or two, values dealt
/// to the wrong rows break most of those they land in.
pub const UNFITTING_ROWS: usize = 3;

// ---------------------------------------------------------------- table 二

/// How near the end of a segment's label a row name of table 二 must be
/// (characters).
pub const ACTIVE_LABEL_TAIL: usize = 14;

/// A label line longer than this is not a row name of table 二 standing alone.
pub const ACTIVE_NAME_LINE: usize = 16;

// ---------------------------------------------------------------- table 四

/// Three rows of five are table 四's groups when their labels are this
/// much alike to the groups' short names.
pub const REVIEW_GROUP_SIMILARITY: f32 = 0.7;

// ---------------------------------------------------------------- limits

/// Table 四 located by its anchor words (no section heading): a line of at
/// most this many characters besides spaces, with no punctuation, holding
/// one is header cells, not prose…
pub const REVIEW_ANCHOR_LINE: usize = 16;
/// …and a longer one heads the table only when one of its column names
/// (`结果维持`) follows within this many bytes.
pub const REVIEW_HEADER_REACH: usize = 600;

/// No real table region is near this long; beyond it the rest is ignored.
pub const MAX_REGION: usize = 64 * 1024;
