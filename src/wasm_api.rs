//! The JS/WASM API (feature `wasm-api`, built by wasm-pack for the web):
//!
//! ```js
//! import init, { check } from './pkg/nianbao.js';
//! await init();
//! const report = check(text);   // the output contract, a plain object
//! ```
//!
//! A thin shell: each export calls the core and hands back the report
//! serialised as the CLI's `--json` prints it (plain objects, `null` for
//! absent values), so `JSON.stringify(check(t, name))` equals the CLI's
//! line for that file. The TypeScript types of the contract ship in the
//! package's `nianbao.d.ts` (from `wasm_api/report.d.ts`).

use crate::render::html::{self, Lang};
use crate::Report;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const REPORT_TYPES: &str = include_str!("wasm_api/report.d.ts");

// Signatures written by hand where wasm-bindgen would make a trailing
// optional parameter required.
#[wasm_bindgen(typescript_custom_section)]
const SIGNATURES: &str = r#"
/**
 * Checks several reports; reports of one agency in consecutive years are
 * also checked against each other (`cross_year.carry_over`). `sources`, if
 * given, has one file name (or null) per text.
 */
export function checkMany(texts: string[], sources?: (string | null)[] | null): Report[];
/** The report as an HTML fragment (summary, tables, diagnostics), every piece of text escaped. */
export function renderHtml(text: string, source?: string | null, lang?: Lang | null): string;
/** One check, both results: the report (as `check` returns it) and its HTML. */
export function checkAndRender(text: string, source?: string | null, lang?: Lang | null): Rendered;
"#;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse`: the report's JSON as plain objects and `null`.
    #[wasm_bindgen(js_namespace = JSON)]
    fn parse(json: &str) -> JsValue;
    /// `String(number)`: JavaScript's own shortest form of a number.
    #[wasm_bindgen(js_name = String)]
    fn number_text(number: f64) -> String;
}

/// serde_json's compact output, except that non-integral numbers are
/// written as JavaScript writes them: `JSON.parse` gives back exactly the
/// same number, and no float printing is compiled into the wasm.
struct JsNumbers;

impl serde_json::ser::Formatter for JsNumbers {
    fn write_f64<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, value: f64) -> std::io::Result<()> {
        writer.write_all(number_text(value).as_bytes())
    }
}

/// Plain objects and `null`, exactly as JSON has them: the value serialised
/// as the CLI's `--json` and parsed by the browser's `JSON.parse`.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let mut json = Vec::with_capacity(16 * 1024);
    value
        .serialize(&mut serde_json::Serializer::with_formatter(&mut json, JsNumbers))
        .map_err(|e| JsError::new(&format!("nianbao: {e}")))?;
    // serde_json writes UTF-8 only.
    Ok(parse(std::str::from_utf8(&json).unwrap_or_default()))
}

/// `sources` of `checkMany`: an array (or other iterable) of file names or
/// nulls; `null` or left out for none.
fn read_sources(value: JsValue, count: usize) -> Result<Vec<Option<String>>, JsError> {
    if value.is_null() || value.is_undefined() {
        return Ok(vec![None; count]);
    }
    let items: Vec<JsValue> = match value.dyn_ref::<js_sys::Array>() {
        Some(array) => array.to_vec(),
        None => match js_sys::try_iter(&value) {
            Ok(Some(iter)) => {
                iter.collect::<Result<_, _>>().map_err(|_| JsError::new("nianbao: sources: could not be read"))?
            }
            _ => return Err(JsError::new("nianbao: sources: expected an array of file names (or null)")),
        },
    };
    items
        .into_iter()
        .map(|item| match item.as_string() {
            Some(name) => Ok(Some(name)),
            None if item.is_null() || item.is_undefined() => Ok(None),
            None => Err(JsError::new("nianbao: sources: each source must be a string or null")),
        })
        .collect()
}

fn lang(lang: Option<String>) -> Lang {
    lang.as_deref().map_or(Lang::Zh, Lang::parse)
}

/// Checks one report's text. `source` (a file name) is copied into the
/// report's `source`; leave it out for pasted text.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn check(text: &str, source: Option<String>) -> Result<JsValue, JsError> {
    to_js(&crate::check(text, source.as_deref()))
}

/// Checks several reports; reports of one agency in consecutive years are
/// also checked against each other (`cross_year.carry_over`). `sources`, if
/// given, has one file name (or null) per text.
#[wasm_bindgen(js_name = checkMany, skip_typescript)]
pub fn check_many(texts: Vec<String>, sources: JsValue) -> Result<JsValue, JsError> {
    let sources = read_sources(sources, texts.len())?;
    if sources.len() != texts.len() {
        return Err(JsError::new(&format!(
            "nianbao: {} texts but {} sources; give one source (or null) per text",
            texts.len(),
            sources.len()
        )));
    }
    let inputs: Vec<(&str, Option<&str>)> =
        texts.iter().zip(&sources).map(|(t, s)| (t.as_str(), s.as_deref())).collect();
    to_js(&crate::check_many(&inputs))
}

/// The report as an HTML fragment (summary, tables, diagnostics), every
/// piece of text escaped: what `<nianbao-checker>` shows.
#[wasm_bindgen(js_name = renderHtml, skip_typescript)]
pub fn render_html(text: &str, source: Option<String>, lang_code: Option<String>) -> String {
    html::report(&crate::check(text, source.as_deref()), lang(lang_code))
}

/// One check, both results: the report (as `check` returns it) and its HTML.
#[wasm_bindgen(js_name = checkAndRender, skip_typescript)]
pub fn check_and_render(text: &str, source: Option<String>, lang_code: Option<String>) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Rendered<'a> {
        report: &'a Report,
        html: String,
    }
    let report = crate::check(text, source.as_deref());
    let html = html::report(&report, lang(lang_code));
    to_js(&Rendered { report: &report, html })
}

/// The checker's version (the crate's).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
