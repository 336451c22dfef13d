//! SARIF 2.1.0 (OASIS), for agencies that keep their reports in git and
//! run CI on them: one run of the tool `nianbao`, every rule with its
//! documentation, one result per diagnostic at its file, line and column.
//! Columns count UTF-16 code units (SARIF's default `columnKind`) in the
//! text checked. Validated against the official schema by tests/cli.rs.

use nianbao::rules::all_rules;
use nianbao::rules::diagnostic::{Diagnostic, Severity};
use nianbao::Report;
use serde_json::{json, Value};

/// The log up to its results.
pub fn begin() -> Vec<u8> {
    let rules: Vec<Value> = all_rules()
        .map(|r| {
            json!({
                "id": r.code,
                "shortDescription": { "text": r.title },
                "fullDescription": { "text": r.doc.what },
                "help": { "text": r.doc.to_string() },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "group": r.group.key() },
            })
        })
        .collect();
    let driver = json!({
        "name": "nianbao",
        "fullName": "年报体检 nianbao",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    let head = json!({
        "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        "version": "2.1.0",
    });
    // The log is written as it goes: its head, then each result, then the tail.
    let head = head.to_string();
    format!(
        "{},\"runs\":[{{\"tool\":{{\"driver\":{driver}}},\"columnKind\":\"utf16CodeUnits\",\"results\":[",
        &head[..head.len() - 1]
    )
    .into_bytes()
}

/// The log after its results.
pub fn end() -> Vec<u8> {
    b"],\"invocations\":[{\"executionSuccessful\":true}]}]}\n".to_vec()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A report's results, comma-separated (nothing for a report without diagnostics).
pub fn results(report: &Report, label: &str, input: &str, out: &mut Vec<u8>) {
    let uri = uri(label);
    for (i, d) in report.diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let _ = serde_json::to_writer(&mut *out, &result(d, &uri, input));
    }
}

fn result(d: &Diagnostic, uri: &str, input: &str) -> Value {
    let rule_index = all_rules().position(|r| r.code == d.code);
    let mut location = json!({ "physicalLocation": { "artifactLocation": { "uri": uri } } });
    if let Some(region) = region(input, d.line, d.span.map(|s| (s.start, s.end))) {
        location["physicalLocation"]["region"] = region;
    }
    let related: Vec<Value> = d
        .related
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let mut loc = json!({ "id": k, "message": { "text": r.label } });
            // A related place with a span is in this input; one without (last
            // year's report) is named by its label.
            if let Some(region) = r.span.and_then(|s| region(input, r.line, Some((s.start, s.end)))) {
                loc["physicalLocation"] = json!({ "artifactLocation": { "uri": uri }, "region": region });
            }
            loc
        })
        .collect();
    let mut result = json!({
        "ruleId": d.code,
        "level": level(d.severity),
        "message": { "text": match &d.help { Some(h) => format!("{}（{h}）", d.message), None => d.message.clone() } },
        "locations": [location],
    });
    if let Some(k) = rule_index {
        result["ruleIndex"] = json!(k);
    }
    if !related.is_empty() {
        result["relatedLocations"] = Value::Array(related);
    }
    result
}

/// A region: the line, and the span's columns (UTF-16 code units, 1-based,
/// end exclusive) when it lies on that line.
fn region(input: &str, line: Option<usize>, span: Option<(usize, usize)>) -> Option<Value> {
    let line = line.filter(|&l| l >= 1)?;
    let mut region = json!({ "startLine": line });
    let start = line_start(input, line);
    if let (Some(start), Some((from, to))) = (start, span) {
        let end = input[start..].find(['\n', '\r']).map_or(input.len(), |e| start + e);
        if from >= start && to <= end && from < to && input.is_char_boundary(from) && input.is_char_boundary(to) {
            let col = |at: usize| 1 + input[start..at].encode_utf16().count();
            region["startColumn"] = json!(col(from));
            region["endColumn"] = json!(col(to));
        }
    }
    Some(region)
}

/// The byte offset where 1-based line `line` starts (lines end at `\n` or a lone `\r`).
fn line_start(input: &str, line: usize) -> Option<usize> {
    if line == 1 {
        return Some(0);
    }
    let bytes = input.as_bytes();
    let mut seen = 1;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            seen += 1;
            if seen == line {
                return Some(i + 1);
            }
        }
    }
    None
}

/// A path as a URI reference: `/` kept, unreserved characters kept, every
/// other byte percent-encoded (Chinese file names included).
fn uri(label: &str) -> String {
    let path = if label == "-" { "stdin" } else { label };
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
