//! Cells: a token read as the value its column allows.

use crate::read::normalise::{Normalised, Span};
use crate::read::tokens::{Kind, NumberLit, Token};
use crate::tables::model::{Cell, CellState, Value};
pub use crate::template::ValueKind;
use crate::template::{ColKey, UNIT_WAN_YUAN, UNIT_YUAN};

/// Above this a count is not believable (and would overflow sums).
const MAX_COUNT: i64 = 1_000_000_000_000;

/// The input's span from the first token to the last one on the same line:
/// a run of values a diagnostic points at.
pub fn run_span(tokens: &[&Token], norm: &Normalised) -> Option<Span> {
    let first = tokens.first()?;
    let last = tokens.iter().rev().find(|t| t.line == first.line).unwrap_or(first);
    Some(norm.span_on_line(first.line, first.start, last.end.max(first.end)))
}

/// Reads a token into its column's cell (made by [`Cell::absent`] for
/// that column). Written field by field, in place: a whole cell built
/// apart and then moved in costs stalls on every cell (its parts are
/// stored in one size and read back in another).
pub fn read_cell(cell: &mut Cell, kind: ValueKind, token: &Token, norm: &Normalised) {
    cell.span = Some(norm.span_on_line(token.line, token.start, token.end));
    cell.line = Some(norm.original_line(token.line));
    cell.raw.set(&norm.text[token.start..token.end]);
    cell.value = None;
    match &token.kind {
        Kind::Blank | Kind::Empty(_) => cell.state = CellState::Blank,
        Kind::Number(n) => match read(n, kind) {
            Ok(v) => {
                cell.value = Some(v);
                cell.state = CellState::Given;
            }
            Err(reason) => cell.state = CellState::Invalid { reason },
        },
        Kind::Text => cell.state = CellState::Invalid { reason: "不是数字" },
    }
}

/// A cell made from part of a glued digit run, after the split is proven:
/// `value` cut from `token`'s digits at byte `offset`. The span is the
/// part's own digits when the token is written as plain digits.
pub fn cell_from_part(
    column: ColKey,
    kind: ValueKind,
    value: i64,
    token: &Token,
    offset: usize,
    norm: &Normalised,
) -> Cell {
    let digits = value.unsigned_abs().to_string();
    let written = &norm.text[token.start..token.end];
    let (start, end) = if written.bytes().all(|b| b.is_ascii_digit()) && offset + digits.len() <= written.len() {
        (token.start + offset, token.start + offset + digits.len())
    } else {
        (token.start, token.end)
    };
    let span = norm.span(start, end);
    let lit = NumberLit { negative: value < 0, int: digits.as_str().into(), frac: None, unit: None };
    let (value, state) = match read(&lit, kind) {
        Ok(v) => (Some(v), CellState::Given),
        Err(reason) => (None, CellState::Invalid { reason }),
    };
    Cell {
        column,
        value,
        state,
        raw: digits.as_str().into(),
        line: Some(norm.original_line(token.line)),
        span: Some(span),
    }
}

/// A number as its column's value, or why it cannot be one.
// (Inlined natively, so that the value is set from registers: a result
// returned in memory is stored in parts and read back whole, a stall on
// each cell. The WebAssembly keeps one copy: size counts more there.)
#[cfg_attr(not(target_family = "wasm"), inline(always))]
pub fn read(n: &NumberLit, kind: ValueKind) -> Result<Value, &'static str> {
    match kind {
        ValueKind::Count | ValueKind::Change => {
            if n.frac.as_deref().is_some_and(|f| f.chars().any(|c| c != '0')) || n.frac.is_some() {
                return Err("不是整数");
            }
            let v = parse_int(&n.int)?;
            if n.negative {
                if kind == ValueKind::Count {
                    return Err("是负数");
                }
                return Ok(Value::Int(-v));
            }
            Ok(Value::Int(v))
        }
        ValueKind::Money { default_unit } => {
            if n.negative {
                return Err("是负数");
            }
            let unit = n.unit.unwrap_or(default_unit);
            let shift = if unit == UNIT_WAN_YUAN { 4 } else { 0 };
            debug_assert!(unit == UNIT_WAN_YUAN || unit == UNIT_YUAN);
            money(&n.int, n.frac.as_deref().unwrap_or(""), shift)
        }
    }
}

fn parse_int(digits: &str) -> Result<i64, &'static str> {
    let trimmed = digits.trim_start_matches('0');
    if trimmed.len() > 13 {
        return Err("数字过大");
    }
    // (At most 13 digits: no overflow.)
    let v = trimmed
        .bytes()
        .try_fold(0i64, |v, b| b.is_ascii_digit().then(|| v * 10 + (b - b'0') as i64))
        .ok_or("不是数字")?;
    if v > MAX_COUNT {
        return Err("数字过大");
    }
    Ok(v)
}

/// Decimal places kept for money in 元.
const MAX_SCALE: usize = 4;

/// `3749.71` 万元 → 37497100 元, exactly: the decimal point moves, no float
/// arithmetic until the very end.
fn money(int: &str, frac: &str, shift: usize) -> Result<Value, &'static str> {
    let mut digits = format!("{int}{frac}");
    let mut scale = frac.len() as i64 - shift as i64;
    while scale < 0 {
        digits.push('0');
        scale += 1;
    }
    let scale = scale as usize;
    let (whole, cents) = digits.split_at(digits.len() - scale);
    let cents = cents.trim_end_matches('0');
    let whole = parse_int(if whole.is_empty() { "0" } else { whole })?;
    if cents.is_empty() {
        return Ok(Value::Int(whole));
    }
    // Beyond a hundredth of a 分 a figure is noise, not money.
    if cents.len() > MAX_SCALE {
        return Err("小数位数过多");
    }
    let frac: i64 = cents.parse().map_err(|_| "不是数字")?;
    let units = 10i64
        .checked_pow(cents.len() as u32)
        .and_then(|p| whole.checked_mul(p))
        .and_then(|w| w.checked_add(frac))
        .ok_or("数字过大")?;
    Ok(Value::Dec { units, scale: cents.len() as u8 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(int: &str, frac: Option<&str>, unit: Option<&'static str>, negative: bool) -> NumberLit {
        NumberLit { negative, int: int.into(), frac: frac.map(Into::into), unit }
    }

    #[test]
    fn money_is_converted_exactly() {
        let wan = ValueKind::Money { default_unit: UNIT_YUAN };
        assert_eq!(read(&lit("3749", Some("71"), Some(UNIT_WAN_YUAN), false), wan), Ok(Value::Int(37497100)));
        assert_eq!(read(&lit("13329640", None, Some(UNIT_YUAN), false), wan), Ok(Value::Int(13329640)));
        let fees = ValueKind::Money { default_unit: UNIT_WAN_YUAN };
        assert_eq!(read(&lit("7730", Some("28"), None, false), fees), Ok(Value::Int(77302800)));
        assert_eq!(
            read(&lit("24252", Some("311082"), None, false), fees),
            Ok(Value::Dec { units: 24252311082, scale: 2 })
        );
    }

    #[test]
    fn counts_are_whole_and_not_negative() {
        assert_eq!(read(&lit("12", None, None, false), ValueKind::Count), Ok(Value::Int(12)));
        assert!(read(&lit("1", Some("0"), None, false), ValueKind::Count).is_err());
        assert!(read(&lit("3", None, None, true), ValueKind::Count).is_err());
        assert_eq!(read(&lit("3", None, None, true), ValueKind::Change), Ok(Value::Int(-3)));
        assert!(read(&lit("999999999999999999999", None, None, false), ValueKind::Count).is_err());
    }
}
