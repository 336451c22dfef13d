//! The verdict and what the core read about the report.

use crate::checked::Checked;
use crate::web;
use leptos::prelude::*;
use nianbao::Severity;
use std::sync::Arc;

#[component]
pub fn Summary(
    /// The last check.
    checked: Arc<Checked>,
) -> impl IntoView {
    let r = &checked.report;
    let (errors, warnings, infos) = (r.count(Severity::Error), r.count(Severity::Warning), r.count(Severity::Info));
    let verdict_class = match (errors, warnings) {
        (0, 0) => "verdict pass",
        (0, _) => "verdict warn",
        _ => "verdict fail",
    };
    let template = r.template.map_or_else(|| "未识别".to_string(), |t| t.label());
    let unknown = || view! { <span class="unknown">"未识别"</span> }.into_any();
    view! {
        <section class="summary" aria-labelledby="summary-title" data-testid="summary">
            <h2 id="summary-title" class="visually-hidden">"检查结论"</h2>
            <p class=verdict_class data-testid="verdict">{r.verdict()}</p>
            <dl class="facts">
                <div>
                    <dt>"机关"</dt>
                    <dd data-testid="summary-agency">
                        {r.agency.clone().map_or_else(unknown, |a| a.into_any())}
                    </dd>
                </div>
                <div>
                    <dt>"年度"</dt>
                    <dd data-testid="summary-year">
                        {r.year.map_or_else(unknown, |y| format!("{y}年").into_any())}
                    </dd>
                </div>
                <div>
                    <dt>"模板"</dt>
                    <dd data-testid="summary-template" data-template=r.template.map_or("", |t| t.as_str())>
                        {template}
                    </dd>
                </div>
                <div>
                    <dt>"错误"</dt>
                    <dd data-testid="summary-errors" class:count-error=errors != 0>{errors}</dd>
                </div>
                <div>
                    <dt>"警告"</dt>
                    <dd data-testid="summary-warnings" class:count-warning=warnings != 0>{warnings}</dd>
                </div>
                <div>
                    <dt>"提示"</dt>
                    <dd data-testid="summary-infos">{infos}</dd>
                </div>
            </dl>
            <p class="timing" data-testid="timing" data-ms=web::fixed(checked.millis, 3)>
                {match r.input_lines {
                    // (The 填报 mode's grid has no text.)
                    0 => format!("检查用时 {} 毫秒", web::fixed(checked.millis, 1)),
                    n => format!("{n} 行，检查用时 {} 毫秒", web::fixed(checked.millis, 1)),
                }}
            </p>
        </section>
    }
}

/// What the page says before there is anything to check.
#[component]
pub fn Intro() -> impl IntoView {
    view! {
        <section class="intro" data-testid="intro">
            <h2>"如何使用"</h2>
            <ol>
                <li>"把年度报告全文粘贴到左侧输入框（从网页、Word或PDF复制均可），或打开、拖入 .txt、.html、.docx、.pdf 文件。"</li>
                <li>"右侧即时显示按国家模板重建的表二、表三、表四，以及发现的每一处问题。"</li>
                <li>"点击问题，可定位到表格中的单元格和原文中的行。"</li>
                <li>"可导出JSON、CSV和问题清单，发回报送机关核对。"</li>
            </ol>
            <p>"没有手头的报告？点上方的“示例”试一试。"</p>
        </section>
    }
}
