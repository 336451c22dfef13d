//! Renderers: the report as text (CLI, the agency's copy), CSV (tables), HTML
//! (the embeddable widget) and, through serde, JSON. They all read
//! [`crate::Report`]; none re-parses.

pub mod csv;
pub mod html;
pub mod text;

use crate::template::REQUEST_ROWS;

/// A row label as the template prints it: `（一）予以公开`, `1.属于国家秘密`.
pub fn request_row_label(key: &str) -> String {
    match REQUEST_ROWS.iter().find(|r| r.key == key) {
        Some(r) => format!("{}{}", full_width_brackets(r.ordinal), r.label),
        None => key.to_string(),
    }
}

/// A short name for messages: `（一）予以公开`, `不予公开第5项`.
pub fn request_row_short(key: &str) -> String {
    let parent = key.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
    let group = match parent {
        "3.3" => "不予公开",
        "3.4" => "无法提供",
        "3.5" => "不予处理",
        "3.6" => "其他处理",
        _ => return request_row_label(key),
    };
    format!("{group}第{}项", key.rsplit('.').next().unwrap_or(""))
}

fn full_width_brackets(s: &str) -> String {
    s.replace('(', "（").replace(')', "）")
}
