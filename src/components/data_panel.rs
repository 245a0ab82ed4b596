//! The data panel: import (file picker and drag-and-drop), export JSON and CSV, print, reset, and
//! the list of automatic snapshots with restore. The panel only asks; the app decides (it takes
//! the snapshot before anything is replaced).

use crate::storage::{BackupInfo, BackupReason};
use crate::ui::{tr, trf};
use thidua_core::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of the data panel.
#[derive(Properties, PartialEq)]
pub struct DataPanelProps {
    /// The language.
    pub lang: Lang,
    /// A file was chosen or dropped.
    pub onfile: Callback<web_sys::File>,
    /// Units' own files were chosen, to merge.
    pub onunit_files: Callback<Vec<web_sys::File>>,
    /// Export JSON.
    pub onexport_json: Callback<()>,
    /// Export CSV.
    pub onexport_csv: Callback<()>,
    /// Print.
    pub onprint: Callback<()>,
    /// Reset to the built-in pact (the app asks first).
    pub onreset: Callback<()>,
    /// The snapshots, newest first.
    pub backups: Vec<BackupInfo>,
    /// Restore a snapshot by key (the app asks first).
    pub onrestore: Callback<String>,
    /// What the browser says about this site's storage.
    pub storage: crate::browser::StorageInfo,
}

/// Bytes in words: "12,5 KB", "1,2 MB" (decimal units, one decimal).
fn bytes(n: f64, lang: Lang) -> String {
    let (value, unit) = if n >= 1e9 {
        (n / 1e9, "GB")
    } else if n >= 1e6 {
        (n / 1e6, "MB")
    } else {
        (n / 1e3, "KB")
    };
    // Tenths, rounded: display only.
    let tenths = (value * 10.0).round() as i128;
    format!(
        "{} {unit}",
        thidua_core::i18n::format_scaled(&tenths.into(), 1, lang)
    )
}

/// "30/03/2023 14:05" from milliseconds.
pub fn format_time(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:02}/{:02}/{:04} {:02}:{:02}:{:02}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

fn reason_text(r: BackupReason, lang: Lang) -> &'static str {
    match r {
        BackupReason::Import => tr(lang, "trước khi nhập tệp", "before an import"),
        BackupReason::Reset => tr(lang, "trước khi khôi phục mặc định", "before a reset"),
        BackupReason::Restore => tr(lang, "trước khi khôi phục bản sao lưu", "before a restore"),
        BackupReason::Remove => tr(lang, "trước khi xóa", "before a removal"),
        BackupReason::Conflict => tr(
            lang,
            "bản không được giữ khi hai thẻ cùng lưu",
            "the version not kept when two tabs saved at once",
        ),
    }
}

/// The data panel.
#[function_component(DataPanel)]
pub fn data_panel(p: &DataPanelProps) -> Html {
    let lang = p.lang;
    let dragging = use_state(|| false);
    let onchange = {
        let cb = p.onfile.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                cb.emit(f);
            }
            input.set_value("");
        })
    };
    let onunits = {
        let cb = p.onunit_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                let files: Vec<web_sys::File> =
                    (0..list.length()).filter_map(|i| list.get(i)).collect();
                if !files.is_empty() {
                    cb.emit(files);
                }
            }
            input.set_value("");
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (cb, dragging) = (p.onfile.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(f) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|l| l.get(0))
            {
                cb.emit(f);
            }
        })
    };
    let emit = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <section class="data-panel" aria-labelledby="h-data">
            <h2 id="h-data" tabindex="-1">{tr(lang, "Dữ liệu: nhập, xuất, sao lưu", "Data: import, export, backups")}</h2>
            <div class={classes!("dropzone", dragging.then_some("over"))} {ondragover} {ondragleave} {ondrop}>
                // The native file input is visually hidden (its own wording follows the browser's
                // language, not the app's); the label is the visible, translated control.
                <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json" {onchange} />
                <label for="import-file" class="button">{tr(lang, "Nhập tệp JSON…", "Import a JSON file…")}</label>
                <span class="hint">{tr(lang, "hoặc kéo thả tệp vào khung này", "or drop a file on this box")}</span>
            </div>
            <p class="unit-files">
                <input id="unit-files" class="visually-hidden" type="file" multiple=true accept=".json,application/json" onchange={onunits} />
                <label for="unit-files" class="button">{tr(lang, "Gộp tệp của các đơn vị…", "Merge the units' files…")}</label>
                <span class="hint">{tr(lang, "mỗi đơn vị tự nhập số liệu và xuất tệp của mình (trong màn hình của đơn vị); chọn nhiều tệp cùng lúc", "each unit enters its own figures and exports its file (from its unit view); choose several files at once")}</span>
            </p>
            <div class="actions">
                <button type="button" onclick={emit(&p.onexport_json)}>{tr(lang, "Xuất JSON (toàn bộ, kèm kết quả)", "Export JSON (everything, with results)")}</button>
                <button type="button" onclick={emit(&p.onexport_csv)} aria-describedby="csv-format">{tr(lang, "Xuất CSV bảng kết quả", "Export the results as CSV")}</button>
                <button type="button" onclick={emit(&p.onprint)}>{tr(lang, "In kết quả", "Print the results")}</button>
                <button type="button" onclick={emit(&p.onreset)}>{tr(lang, "Khôi phục giao ước mặc định…", "Reset to the built-in pact…")}</button>
            </div>
            <p id="csv-format" class="hint">{tr(lang,
                "Tệp CSV viết số như trên màn hình (dấu phẩy thập phân) và ngăn các cột bằng dấu chấm phẩy (;) để Excel cài đặt tiếng Việt mở đúng từng cột. Chuyển sang tiếng Anh để có tệp ngăn cột bằng dấu phẩy.",
                "The CSV writes numbers as shown (decimal points) and separates columns with commas (,), so that Excel set to English opens it in columns. Switch to Vietnamese for a file separated by semicolons.")}</p>
            <h3>{tr(lang, "Bộ nhớ của trình duyệt", "Browser storage")}</h3>
            <dl class="storage-info" aria-label={tr(lang, "Bộ nhớ của trình duyệt", "Browser storage")}>
                <dt>{tr(lang, "Lưu trữ bền vững", "Persistent storage")}</dt>
                <dd>{ match p.storage.persisted {
                    Some(true) => tr(lang, "đã được trình duyệt cấp: dữ liệu không bị tự động xóa khi thiếu chỗ", "granted: the browser will not clear this data when space runs low"),
                    Some(false) => tr(lang, "chưa được cấp: trình duyệt có thể xóa dữ liệu khi thiếu chỗ — hãy xuất JSON thường xuyên", "not granted: the browser may clear this data when space runs low — export JSON regularly"),
                    None => tr(lang, "trình duyệt không cho biết", "the browser does not say"),
                }}</dd>
                <dt>{tr(lang, "Dữ liệu của ứng dụng (localStorage)", "This app's data (localStorage)")}</dt>
                <dd>{ match p.storage.local {
                    Some(b) => trf(lang,
                        format!("{} — trình duyệt thường cho mỗi trang khoảng 5 đến 10 MB", bytes(b, lang)),
                        format!("{} — browsers usually allow each site about 5 to 10 MB", bytes(b, lang))),
                    None => tr(lang, "không đọc được", "cannot be read").to_string(),
                }}</dd>
                <dt>{tr(lang, "Tệp ứng dụng và bộ nhớ đệm (ước tính của trình duyệt)", "App files and caches (the browser's estimate)")}</dt>
                <dd>{ match (p.storage.used, p.storage.quota) {
                    (Some(u), Some(q)) => trf(lang, format!("{} trên khoảng {}", bytes(u, lang), bytes(q, lang)), format!("{} of about {}", bytes(u, lang), bytes(q, lang))),
                    (Some(u), None) => bytes(u, lang),
                    _ => tr(lang, "trình duyệt không cho biết", "the browser does not say").to_string(),
                }}</dd>
            </dl>
            <h3>{tr(lang, "Bản sao lưu tự động", "Automatic backups")}</h3>
            if p.backups.is_empty() {
                <p>{tr(lang, "Chưa có bản sao lưu. Bản sao lưu được tạo trước khi nhập tệp, khôi phục mặc định hoặc xóa, và khi hai thẻ cùng lưu.", "No backups yet. One is taken before an import, a reset or a removal, and when two tabs saved at once.")}</p>
            } else {
                <ul class="backups" aria-label={tr(lang, "Danh sách bản sao lưu", "Backups")}>
                { for p.backups.iter().map(|b| {
                    let key = b.key.clone();
                    let cb = p.onrestore.clone();
                    let when = format_time(b.at);
                    let line = trf(lang,
                        format!("{when} — {}: {} · {} đơn vị, {} ô số liệu", reason_text(b.reason, lang), b.summary.title.get(lang), b.summary.units, b.summary.filled),
                        format!("{when} — {}: {} · {} units, {} cells filled", reason_text(b.reason, lang), b.summary.title.get(lang), b.summary.units, b.summary.filled));
                    html! {
                        <li>
                            <span>{line}</span>{" "}
                            <button type="button" onclick={Callback::from(move |_| cb.emit(key.clone()))}
                                aria-label={trf(lang, format!("Khôi phục bản sao lưu {when}"), format!("Restore the backup of {when}"))}>
                                {tr(lang, "Khôi phục", "Restore")}</button>
                        </li>
                    }
                })}
                </ul>
            }
        </section>
    }
}
