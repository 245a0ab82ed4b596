//! The pact editor: the workspace's pacts (duplicate, next year, delete, export, import), then
//! everything in the open pact — units, indicators, contents and targets, caps and
//! classification. Every edit is checked by [`crate::pact_edit`] before it is applied; a refused
//! edit keeps what was typed in its field, with the reason beside it.

use super::app::Snapshot;
use super::dialog::Dialog;
use super::draft_input::DraftInput;
use crate::browser;
use crate::pact_edit::{self, Command, RULE_KINDS};
use crate::state::{Action, AppState};
use crate::storage::BackupReason;
use crate::ui::{column_headings, dec, target_number, tr, trf};
use std::collections::HashMap;
use std::rc::Rc;
use thidua_core::model::{IndicatorKind, Role, Rule, ScoringMethod};
use thidua_core::rollover::roll_over;
use thidua_core::workspace::{unique_id, Workspace};
use thidua_core::{Document, Lang};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of the editor.
#[derive(Properties, PartialEq)]
pub struct PactEditorProps {
    /// The open pact.
    pub doc: Rc<Document>,
    /// Every pact of the workspace, in order.
    pub pacts: Vec<Rc<Document>>,
    /// Where the open one stands.
    pub active: usize,
    /// Bumped on every change (names each structural change's undo step).
    pub revision: u64,
    /// The language.
    pub lang: Lang,
    /// The reducer.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// What is waiting for a yes.
#[derive(Clone, PartialEq)]
enum Confirm {
    RemoveUnit(usize),
    RemoveContent(usize),
    RemoveTarget(usize, usize),
    DeletePact,
}

fn kind_label(kind: &str, lang: Lang) -> &'static str {
    match kind {
        "rate" => tr(lang, "Tỷ lệ", "Rate"),
        "reduction" => tr(lang, "Kéo giảm so với cùng kỳ", "Reduction on last year"),
        "no_increase" => tr(lang, "Không tăng", "No increase"),
        "decrease" => tr(lang, "Giảm", "Decrease"),
        _ => tr(lang, "Chấm điểm", "Scored by review"),
    }
}

fn scoring_label(s: ScoringMethod, lang: Lang) -> &'static str {
    match s {
        ScoringMethod::AllOrNothing => tr(lang, "Đạt thì đủ điểm", "All or nothing"),
        ScoringMethod::Proportional => tr(lang, "Theo tỷ lệ đạt", "Proportional"),
        ScoringMethod::RelativeToBest => tr(lang, "So với đơn vị cao nhất", "Relative to the best"),
        ScoringMethod::Manual => tr(lang, "Chấm điểm", "Scored by review"),
    }
}

/// The id of a move button: what it moves, where that stands, and which way.
fn move_id(what: &str, at: &str, up: bool) -> String {
    format!("move-{what}-{at}-{}", if up { "up" } else { "down" })
}

/// Where the focus goes when the item at `i` of `len` moves up or down: to the moved item's new
/// position, on the button for the same direction, or for the other one when the item reached
/// the edge (where the same one is disabled). The buttons stay where they are while the items
/// move under them: left on its button, the focus would belong to the next item, and a second
/// Enter would move that one instead.
fn follow(i: usize, len: usize, up: bool) -> (usize, bool) {
    if up {
        let j = i.saturating_sub(1);
        (j, j > 0)
    } else {
        let j = i + 1;
        (j, j + 1 >= len)
    }
}

/// Refused edits by field key: what was typed, and why it was refused.
type Errors = HashMap<String, (String, Vec<String>)>;

/// A text field: its label, the value, the field key; the errors of that key beside it. While it
/// is being edited it shows what is typed ([`DraftInput`]): a number is read in the language
/// shown, so that "5,0" on the way to "5,05" is not shown as "5".
fn field(
    label: String,
    value: String,
    key: &str,
    errors: &Errors,
    on: &Callback<(String, String)>,
    numeric: bool,
    lang: Lang,
) -> Html {
    let k = key.to_string();
    let on = on.clone();
    let oninput = Callback::from(move |text: String| on.emit((k.clone(), text)));
    let read = Callback::from(move |text: String| {
        if !numeric {
            Ok(AttrValue::from(text))
        } else if text.trim().is_empty() {
            // A level without a floor; elsewhere refused with its reason.
            Ok(AttrValue::default())
        } else {
            pact_edit::number(&text, lang)
                .map(|d| AttrValue::from(dec(d, lang)))
                .map_err(|m| AttrValue::from(m.join("; ")))
        }
    });
    // A refused value stays in its field, as typed, with the reason beside it.
    let (value, err) = match errors.get(key) {
        Some((draft, m)) => (draft.clone(), Some(m.join("; "))),
        None => (value, None),
    };
    let caption = caption(&label);
    html! {
        <label class="field">
            <span class="caption" aria-hidden="true">{caption}</span>
            <DraftInput value={AttrValue::from(value)} {read} {oninput} label={AttrValue::from(label)}
                error={err.map(AttrValue::from)} error_id={AttrValue::from(format!("err-{}", key.replace('.', "-")))}
                error_role={AttrValue::Static("alert")} {numeric} />
        </label>
    }
}

/// The visible caption of a field: its label after the last " — " ("ngưỡng (%)"); the whole label,
/// which names the unit or target too, is the accessible name and contains it.
fn caption(label: &str) -> String {
    label.rsplit(" — ").next().unwrap_or(label).to_string()
}

/// A select: its label, the options (value, words), the chosen value, the field key.
fn choice(
    label: String,
    options: Vec<(String, String)>,
    chosen: &str,
    key: &str,
    errors: &Errors,
    on: &Callback<(String, String)>,
) -> Html {
    let k = key.to_string();
    let on = on.clone();
    let onchange = Callback::from(move |e: Event| {
        let sel: HtmlSelectElement = e.target_unchecked_into();
        on.emit((k.clone(), sel.value()));
    });
    let err = errors.get(key).map(|(_, m)| m);
    let caption = caption(&label);
    html! {
        <label class="field">
            <span class="caption" aria-hidden="true">{caption}</span>
            <select aria-label={label} {onchange} aria-invalid={err.map(|_| "true")}>
            { for options.into_iter().map(|(v, words)| html! {
                <option value={v.clone()} selected={v == chosen}>{words}</option>
            })}
            </select>
            if let Some(m) = err {
                <span class="field-error" role="alert">{m.join("; ")}</span>
            }
        </label>
    }
}

/// The pact editor.
#[function_component(PactEditor)]
pub fn pact_editor(p: &PactEditorProps) -> Html {
    let lang = p.lang;
    let doc = &p.doc;
    let pact = &doc.pact;
    let errors = use_state(Errors::new);
    let status = use_state(|| None::<(String, bool)>);
    let confirm = use_state(|| None::<Confirm>);
    let snapshot = use_context::<Snapshot>();
    // The button to focus once a move is rendered (see [`follow`]).
    let focus_after = use_mut_ref(|| None::<String>);
    {
        let focus_after = focus_after.clone();
        use_effect(move || {
            if let Some(id) = focus_after.borrow_mut().take() {
                browser::focus_id(&id);
            }
        });
    }

    let on_field = {
        let (doc, dispatch, errors) = (p.doc.clone(), p.dispatch.clone(), errors.clone());
        Callback::from(move |(key, value): (String, String)| {
            let mut errs = (*errors).clone();
            match pact_edit::edit_field(&doc, &key, &value, lang) {
                Ok(d) => {
                    errs.remove(&key);
                    dispatch.dispatch(Action::EditPact {
                        key,
                        doc: Rc::new(d),
                    });
                }
                Err(m) => {
                    errs.insert(key, (value, m));
                }
            }
            errors.set(errs);
        })
    };
    let run = {
        let (doc, dispatch, errors, status, revision, focus_after) = (
            p.doc.clone(),
            p.dispatch.clone(),
            errors.clone(),
            status.clone(),
            p.revision,
            focus_after.clone(),
        );
        Rc::new(
            move |cmd: Command, done: Option<String>| match pact_edit::run(&doc, &cmd, lang) {
                Ok(d) => {
                    let mut errs = (*errors).clone();
                    errs.remove("command");
                    errors.set(errs);
                    dispatch.dispatch(Action::EditPact {
                        key: format!("{revision}:{cmd:?}"),
                        doc: Rc::new(d),
                    });
                    status.set(done.map(|m| (m, true)));
                }
                Err(m) => {
                    // Nothing moved: the focus stays where it is.
                    focus_after.borrow_mut().take();
                    let mut errs = (*errors).clone();
                    errs.insert("command".into(), (String::new(), m));
                    errors.set(errs);
                }
            },
        )
    };
    let cmd = |c: Command| {
        let run = run.clone();
        Callback::from(move |_: MouseEvent| run(c.clone(), None))
    };
    // A move, and the button that takes the focus once it is done (`what` and `at` name it: see
    // [`move_id`]; `at` makes the id from the moved item's new position).
    let mover =
        |c: Command, what: &str, i: usize, len: usize, up: bool, at: &dyn Fn(usize) -> String| {
            let (run, focus_after) = (run.clone(), focus_after.clone());
            let (j, dir) = follow(i, len, up);
            let focus = move_id(what, &at(j), dir);
            Callback::from(move |_: MouseEvent| {
                *focus_after.borrow_mut() = Some(focus.clone());
                run(c.clone(), None)
            })
        };
    let ask = |c: Confirm| {
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| confirm.set(Some(c.clone())))
    };
    let errs = &*errors;
    let text_fields = |label: &str, key: &str, t: &thidua_core::Text| -> Html {
        html! {
            <>
            { field(format!("{label} ({})", tr(lang, "tiếng Việt", "Vietnamese")), t.vi.clone(), &format!("{key}.vi"), errs, &on_field, false, lang) }
            { field(format!("{label} ({})", tr(lang, "tiếng Anh", "English")), t.en.clone(), &format!("{key}.en"), errs, &on_field, false, lang) }
            </>
        }
    };

    // --- the workspace's pacts ---------------------------------------------------------------
    let taken: Vec<String> = p.pacts.iter().map(|d| d.pact.id.clone()).collect();
    let add_pact = {
        let (dispatch, taken, status) = (p.dispatch.clone(), taken.clone(), status.clone());
        Rc::new(move |mut d: Document, done: String| {
            let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
            d.pact.id = unique_id(&refs, &d.pact.id);
            dispatch.dispatch(Action::AddPact(Rc::new(d)));
            status.set(Some((done, false)));
        })
    };
    let onduplicate = {
        let (doc, add) = (p.doc.clone(), add_pact.clone());
        Callback::from(move |_| {
            let mut d = (*doc).clone();
            d.pact.title.vi = format!("{} (bản sao)", d.pact.title.vi);
            d.pact.title.en = format!("{} (copy)", d.pact.title.en);
            add(
                d,
                tr(
                    lang,
                    "Đã tạo bản sao và mở bản sao.",
                    "Copied, and the copy is open.",
                )
                .into(),
            );
        })
    };
    let onnext = {
        let (doc, add) = (p.doc.clone(), add_pact.clone());
        Callback::from(move |_| {
            let d = roll_over(&doc, 1);
            let title = d.pact.title.get(lang).to_string();
            add(
                d,
                trf(
                    lang,
                    format!("Đã tạo “{title}”: số liệu kỳ này của năm trước là số liệu cùng kỳ."),
                    format!("Created “{title}”: last year's figures are its baselines."),
                ),
            );
        })
    };
    let onexport_all = {
        let (pacts, status) = (p.pacts.clone(), status.clone());
        let active = p.active;
        Callback::from(move |_| {
            let ws = Workspace {
                pacts: pacts.iter().map(|d| (**d).clone()).collect(),
                active,
            };
            let name = "thidua-tat-ca-giao-uoc.json";
            if let Err(m) = browser::offer_file(name, "application/json", &ws.export_json()) {
                status.set(Some((m.message(lang), false)));
            }
        })
    };
    let onimport_all = {
        let (dispatch, taken, status) = (p.dispatch.clone(), taken.clone(), status.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let (dispatch, taken, status) = (dispatch.clone(), taken.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = match browser::read_file(&file, lang).await {
                    Ok(t) => t,
                    Err(e) => {
                        status.set(Some((e, false)));
                        return;
                    }
                };
                match Workspace::from_json(&text) {
                    Ok(ws) => {
                        let mut ids = taken.clone();
                        let n = ws.pacts.len();
                        for mut d in ws.pacts {
                            let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
                            d.pact.id = unique_id(&refs, &d.pact.id);
                            ids.push(d.pact.id.clone());
                            dispatch.dispatch(Action::AddPact(Rc::new(d)));
                        }
                        status.set(Some((
                            trf(
                                lang,
                                format!("Đã thêm {n} giao ước từ tệp."),
                                format!("Added {n} pacts from the file."),
                            ),
                            false,
                        )));
                    }
                    Err(e) => status.set(Some((
                        trf(
                            lang,
                            format!("Không nhập được tệp: {}", e.messages(lang).join("; ")),
                            format!("The file was not imported: {}", e.messages(lang).join("; ")),
                        ),
                        false,
                    ))),
                }
            });
        })
    };

    // --- confirmation of removals -------------------------------------------------------------
    let render_confirm = || -> Html {
        let Some(c) = (*confirm).clone() else {
            return html! {};
        };
        let (title, body) = match &c {
            Confirm::RemoveUnit(i) => {
                let name = pact.units.get(*i).map(|u| u.name.get(lang).to_string()).unwrap_or_default();
                (
                    trf(lang, format!("Xóa đơn vị {name}?"), format!("Remove {name}?")),
                    tr(lang, "Đơn vị và mọi số liệu của đơn vị trong giao ước này sẽ bị xóa. Một bản sao lưu được tạo trước; có thể hoàn tác.", "The unit and all its figures in this pact are removed. A snapshot is taken first; it can be undone."),
                )
            }
            Confirm::RemoveContent(c) => (
                trf(lang, format!("Xóa nội dung {}?", c + 1), format!("Remove content {}?", c + 1)),
                tr(lang, "Nội dung, các chỉ tiêu và điểm chấm của chúng sẽ bị xóa. Có thể hoàn tác.", "The content, its targets and their scores are removed. It can be undone."),
            ),
            Confirm::RemoveTarget(c, t) => {
                let id = pact.contents.get(*c).and_then(|x| x.targets.get(*t)).map(|t| t.id.clone()).unwrap_or_default();
                let n = target_number(pact, &id);
                (
                    trf(lang, format!("Xóa chỉ tiêu {n}?"), format!("Remove target {n}?")),
                    tr(lang, "Chỉ tiêu và điểm chấm của nó sẽ bị xóa. Có thể hoàn tác.", "The target and its scores are removed. It can be undone."),
                )
            }
            Confirm::DeletePact => (
                trf(lang, format!("Xóa giao ước “{}”?", pact.title.get(lang)), format!("Delete “{}”?", pact.title.get(lang))),
                tr(lang, "Giao ước và mọi số liệu của nó bị xóa khỏi trình duyệt này. Một bản sao lưu được tạo trước (phần Sao lưu).", "The pact and all its data are deleted from this browser. A snapshot is taken first (see Backups)."),
            ),
        };
        let close = {
            let confirm = confirm.clone();
            Callback::from(move |_| confirm.set(None))
        };
        let yes = {
            let (confirm, run, snapshot, dispatch, status) = (
                confirm.clone(),
                run.clone(),
                snapshot.clone(),
                p.dispatch.clone(),
                status.clone(),
            );
            let active = p.active;
            let doc = p.doc.clone();
            Callback::from(move |_| {
                confirm.set(None);
                // Every removal is preceded by a snapshot; no snapshot, no removal.
                if !snapshot
                    .as_ref()
                    .is_none_or(|s| s.0.emit(BackupReason::Remove))
                {
                    return;
                }
                match &c {
                    Confirm::RemoveUnit(i) => {
                        let name = doc
                            .pact
                            .units
                            .get(*i)
                            .map(|u| u.name.get(lang).to_string())
                            .unwrap_or_default();
                        run(
                            Command::RemoveUnit(*i),
                            Some(trf(
                                lang,
                                format!("Đã xóa {name}."),
                                format!("{name} removed."),
                            )),
                        );
                    }
                    Confirm::RemoveContent(i) => run(
                        Command::RemoveContent(*i),
                        Some(tr(lang, "Đã xóa nội dung.", "Content removed.").into()),
                    ),
                    Confirm::RemoveTarget(c, t) => run(
                        Command::RemoveTarget(*c, *t),
                        Some(tr(lang, "Đã xóa chỉ tiêu.", "Target removed.").into()),
                    ),
                    Confirm::DeletePact => {
                        dispatch.dispatch(Action::DeletePact(active));
                        status.set(Some((
                            tr(
                                lang,
                                "Đã xóa giao ước; bản sao lưu nằm trong phần Sao lưu.",
                                "Pact deleted; its snapshot is under Backups.",
                            )
                            .into(),
                            false,
                        )));
                    }
                }
            })
        };
        html! {
            <Dialog title={AttrValue::from(title)} onclose={close.clone()}>
                <p>{body}</p>
                <div class="dialog-buttons">
                    <button type="button" onclick={yes}>{tr(lang, "Xóa", "Remove")}</button>
                    // The safe choice has the focus: an Enter pressed at once removes nothing.
                    <button type="button" autofocus=true onclick={close.reform(|_| ())}>{tr(lang, "Hủy", "Cancel")}</button>
                </div>
            </Dialog>
        }
    };

    let undo = {
        let (d, status) = (p.dispatch.clone(), status.clone());
        Callback::from(move |_| {
            d.dispatch(Action::Undo);
            status.set(None);
        })
    };
    let (sum, sum_ok) = pact_edit::points_check(doc);
    let count_options: Vec<(String, String)> = pact
        .indicators
        .iter()
        .map(|i| (i.id.clone(), i.name.get(lang).to_string()))
        .collect();

    html! {
        <section class="pact-editor" aria-labelledby="h-pact">
            <h2 id="h-pact" tabindex="-1">{tr(lang, "Sửa giao ước", "Edit the pact")}</h2>
            if let Some((m, can_undo)) = &*status {
                <p class="status" role="status">{m.clone()}
                    if *can_undo { {" "}<button type="button" onclick={undo}>{tr(lang, "Hoàn tác", "Undo")}</button> }
                </p>
            }
            if let Some((_, m)) = errs.get("command") {
                <p class="field-error" role="alert">{m.join("; ")}</p>
            }

            <section aria-labelledby="h-pacts">
                <h3 id="h-pacts">{tr(lang, "Các giao ước trong trình duyệt này", "The pacts in this browser")}</h3>
                <ul class="pact-list">
                { for p.pacts.iter().enumerate().map(|(i, d)| {
                    let open = {
                        let dispatch = p.dispatch.clone();
                        Callback::from(move |_| dispatch.dispatch(Action::OpenPact(i)))
                    };
                    html! {
                        <li>
                            if i == p.active {
                                <strong>{d.pact.title.get(lang).to_string()}</strong>{tr(lang, " (đang mở)", " (open)")}
                            } else {
                                <button type="button" class="link" onclick={open}>{d.pact.title.get(lang).to_string()}</button>
                            }
                            <span class="muted">{format!(" · {}", d.pact.id)}</span>
                        </li>
                    }
                })}
                </ul>
                <div class="buttons">
                    <button type="button" onclick={onnext}>{tr(lang, "Tạo giao ước năm sau từ giao ước này", "New pact for next year from this one")}</button>
                    <button type="button" onclick={onduplicate}>{tr(lang, "Nhân bản giao ước này", "Duplicate this pact")}</button>
                    <button type="button" onclick={ask(Confirm::DeletePact)} disabled={p.pacts.len() < 2}>{tr(lang, "Xóa giao ước này…", "Delete this pact…")}</button>
                    <button type="button" onclick={onexport_all}>{tr(lang, "Xuất tất cả giao ước (JSON)", "Export every pact (JSON)")}</button>
                    <label class="file-button">{tr(lang, "Thêm giao ước từ tệp…", "Add pacts from a file…")}
                        <input type="file" accept=".json,application/json" onchange={onimport_all} /></label>
                </div>
            </section>

            <section aria-labelledby="h-general">
                <h3 id="h-general">{tr(lang, "Thông tin chung", "General")}</h3>
                <div class="grid2">
                    { text_fields(tr(lang, "Tên giao ước", "Pact title"), "title", &pact.title) }
                    { text_fields(tr(lang, "Cụm, khối thi đua", "Cluster"), "cluster", &pact.cluster) }
                    { field(tr(lang, "Tổng điểm theo giao ước", "The pact's stated total").into(), dec(pact.stated_total, lang), "stated_total", errs, &on_field, true, lang) }
                </div>
                <p class={classes!(if sum_ok { "ok" } else { "warn" })} role="status">
                    { if sum_ok {
                        trf(lang, format!("Tổng điểm tối đa của các chỉ tiêu: {} — khớp với giao ước.", dec(sum, lang)), format!("Sum of the targets' maximum points: {} — matches the pact.", dec(sum, lang)))
                    } else {
                        trf(lang, format!("⚠ Tổng điểm tối đa của các chỉ tiêu là {}, khác tổng điểm theo giao ước ({}).", dec(sum, lang), dec(pact.stated_total, lang)),
                            format!("⚠ The targets' maximum points add up to {}, not the pact's stated total ({}).", dec(sum, lang), dec(pact.stated_total, lang)))
                    } }
                </p>
            </section>

            <section aria-labelledby="h-units">
                <h3 id="h-units">{tr(lang, "Đơn vị", "Units")}</h3>
                <div class="table-scroll">
                <table>
                    <caption>{tr(lang, "Các đơn vị của cụm", "The cluster's units")}</caption>
                    <thead><tr>
                        { column_headings(&[
                            "#",
                            tr(lang, "Tên đầy đủ", "Full name"),
                            tr(lang, "Tên ngắn", "Short name"),
                            tr(lang, "Cụm trưởng", "Cluster head"),
                            tr(lang, "Thứ tự, xóa", "Order, remove"),
                        ]) }
                    </tr></thead>
                    <tbody>
                    { for pact.units.iter().enumerate().map(|(i, u)| {
                        let n = i + 1;
                        let label = |what: &str| trf(lang, format!("Đơn vị {n} — {what}"), format!("Unit {n} — {what}"));
                        let head = {
                            let run = run.clone();
                            Callback::from(move |_| run(Command::SetHead(i), None))
                        };
                        html! {
                            <tr>
                                <td>{n}</td>
                                <td>{ field(label(tr(lang, "tên đầy đủ (tiếng Việt)", "full name (Vietnamese)")), u.name.vi.clone(), &format!("unit.{i}.name.vi"), errs, &on_field, false, lang) }
                                    { field(label(tr(lang, "tên đầy đủ (tiếng Anh)", "full name (English)")), u.name.en.clone(), &format!("unit.{i}.name.en"), errs, &on_field, false, lang) }</td>
                                <td>{ field(label(tr(lang, "tên ngắn (tiếng Việt)", "short name (Vietnamese)")), u.short_name.vi.clone(), &format!("unit.{i}.short.vi"), errs, &on_field, false, lang) }
                                    { field(label(tr(lang, "tên ngắn (tiếng Anh)", "short name (English)")), u.short_name.en.clone(), &format!("unit.{i}.short.en"), errs, &on_field, false, lang) }</td>
                                <td><input type="radio" name="cluster-head" checked={u.role == Role::ClusterHead} onchange={head}
                                    aria-label={label(tr(lang, "cụm trưởng", "cluster head"))} /></td>
                                <td class="row-actions">
                                    <button type="button" id={move_id("unit", &i.to_string(), true)} onclick={mover(Command::MoveUnit(i, true), "unit", i, pact.units.len(), true, &|j| j.to_string())} disabled={i == 0} aria-label={label(tr(lang, "lên trên", "move up"))}>{"↑"}</button>
                                    <button type="button" id={move_id("unit", &i.to_string(), false)} onclick={mover(Command::MoveUnit(i, false), "unit", i, pact.units.len(), false, &|j| j.to_string())} disabled={i + 1 == pact.units.len()} aria-label={label(tr(lang, "xuống dưới", "move down"))}>{"↓"}</button>
                                    <button type="button" onclick={ask(Confirm::RemoveUnit(i))} aria-label={label(tr(lang, "xóa", "remove"))}>{tr(lang, "Xóa…", "Remove…")}</button>
                                </td>
                            </tr>
                        }
                    })}
                    </tbody>
                </table>
                </div>
                <button type="button" onclick={cmd(Command::AddUnit)}>{tr(lang, "Thêm đơn vị", "Add a unit")}</button>
            </section>

            <section aria-labelledby="h-indicators">
                <h3 id="h-indicators">{tr(lang, "Chỉ số (số liệu các đơn vị nhập)", "Indicators (the figures units enter)")}</h3>
                <div class="table-scroll">
                <table>
                    <caption>{tr(lang, "Các chỉ số", "The indicators")}</caption>
                    <thead><tr>
                        { column_headings(&[
                            tr(lang, "Tên", "Name"),
                            tr(lang, "Loại", "Kind"),
                            tr(lang, "Đơn vị tính", "Measured in"),
                            tr(lang, "Dùng trong chỉ tiêu", "Used by targets"),
                            tr(lang, "Xóa", "Remove"),
                        ]) }
                    </tr></thead>
                    <tbody>
                    { for pact.indicators.iter().enumerate().map(|(i, d)| {
                        let name = d.name.get(lang).to_string();
                        let label = |what: &str| format!("{name} — {what}");
                        let used = pact_edit::used_by(doc, &d.id);
                        html! {
                            <tr>
                                <td>{ field(trf(lang, format!("Chỉ số {} — tên (tiếng Việt)", i + 1), format!("Indicator {} — name (Vietnamese)", i + 1)), d.name.vi.clone(), &format!("ind.{i}.name.vi"), errs, &on_field, false, lang) }
                                    { field(trf(lang, format!("Chỉ số {} — tên (tiếng Anh)", i + 1), format!("Indicator {} — name (English)", i + 1)), d.name.en.clone(), &format!("ind.{i}.name.en"), errs, &on_field, false, lang) }</td>
                                <td>{ choice(label(tr(lang, "loại", "kind")), vec![
                                        ("count".into(), tr(lang, "Số đếm (số nguyên)", "Count (whole number)").into()),
                                        ("amount".into(), tr(lang, "Giá trị (số thập phân)", "Amount (decimal)").into())],
                                    if d.kind == IndicatorKind::Amount { "amount" } else { "count" }, &format!("ind.{i}.kind"), errs, &on_field) }</td>
                                <td>{ field(label(tr(lang, "đơn vị tính (tiếng Việt)", "measured in (Vietnamese)")), d.unit.vi.clone(), &format!("ind.{i}.unit.vi"), errs, &on_field, false, lang) }
                                    { field(label(tr(lang, "đơn vị tính (tiếng Anh)", "measured in (English)")), d.unit.en.clone(), &format!("ind.{i}.unit.en"), errs, &on_field, false, lang) }</td>
                                <td>{ if used.is_empty() { tr(lang, "chưa dùng", "not used").to_string() } else { used.join(", ") } }</td>
                                <td><button type="button" onclick={cmd(Command::RemoveIndicator(i))} aria-label={label(tr(lang, "xóa", "remove"))}>{tr(lang, "Xóa", "Remove")}</button></td>
                            </tr>
                        }
                    })}
                    </tbody>
                </table>
                </div>
                <button type="button" onclick={cmd(Command::AddIndicator)}>{tr(lang, "Thêm chỉ số", "Add an indicator")}</button>
            </section>

            <section aria-labelledby="h-contents">
                <h3 id="h-contents">{tr(lang, "Nội dung và chỉ tiêu", "Contents and targets")}</h3>
                { for pact.contents.iter().enumerate().map(|(c, content)| {
                    let cl = |what: &str| trf(lang, format!("Nội dung {} — {what}", content.number), format!("Content {} — {what}", content.number));
                    html! {
                        <fieldset class="content-edit">
                            <legend>{trf(lang, format!("Nội dung {}", content.number), format!("Content {}", content.number))}</legend>
                            { field(cl(tr(lang, "tên (tiếng Việt)", "title (Vietnamese)")), content.title.vi.clone(), &format!("content.{c}.title.vi"), errs, &on_field, false, lang) }
                            { field(cl(tr(lang, "tên (tiếng Anh)", "title (English)")), content.title.en.clone(), &format!("content.{c}.title.en"), errs, &on_field, false, lang) }
                            <span class="row-actions">
                                <button type="button" id={move_id("content", &c.to_string(), true)} onclick={mover(Command::MoveContent(c, true), "content", c, pact.contents.len(), true, &|j| j.to_string())} disabled={c == 0} aria-label={cl(tr(lang, "lên trên", "move up"))}>{"↑"}</button>
                                <button type="button" id={move_id("content", &c.to_string(), false)} onclick={mover(Command::MoveContent(c, false), "content", c, pact.contents.len(), false, &|j| j.to_string())} disabled={c + 1 == pact.contents.len()} aria-label={cl(tr(lang, "xuống dưới", "move down"))}>{"↓"}</button>
                                <button type="button" onclick={ask(Confirm::RemoveContent(c))} aria-label={cl(tr(lang, "xóa", "remove"))}>{tr(lang, "Xóa nội dung…", "Remove content…")}</button>
                            </span>
                            { for content.targets.iter().enumerate().map(|(t, target)| {
                                let num = target_number(pact, &target.id);
                                let tl = |what: &str| trf(lang, format!("Chỉ tiêu {num} — {what}"), format!("Target {num} — {what}"));
                                let key = |k: &str| format!("target.{c}.{t}.{k}");
                                let kind = pact_edit::rule_kind(&target.rule);
                                let ind_select = |what: &str, k: &str, chosen: &str| choice(tl(what), count_options.clone(), chosen, &key(k), errs, &on_field);
                                let cmp_select = |cmp: thidua_core::model::Comparator| choice(tl(tr(lang, "phép so sánh", "comparator")), vec![
                                        ("gt".into(), tr(lang, "trên (>)", "above (>)").into()),
                                        ("ge".into(), tr(lang, "từ … trở lên (≥)", "at least (≥)").into()),
                                        ("eq".into(), tr(lang, "bằng (=)", "exactly (=)").into())],
                                    match cmp { thidua_core::model::Comparator::Gt => "gt", thidua_core::model::Comparator::Ge => "ge", thidua_core::model::Comparator::Eq => "eq" },
                                    &key("comparator"), errs, &on_field);
                                let threshold = |v: thidua_core::Dec| field(tl(tr(lang, "ngưỡng (%)", "threshold (%)")), dec(v, lang), &key("threshold"), errs, &on_field, true, lang);
                                let rule_fields = match &target.rule {
                                    Rule::Rate { numerator, denominator, comparator, threshold_pct } => html! { <>
                                        { ind_select(tr(lang, "tử số (số đã làm được)", "numerator (cases done)"), "num", numerator) }
                                        { ind_select(tr(lang, "mẫu số", "denominator"), "den", denominator) }
                                        { cmp_select(*comparator) }{ threshold(*threshold_pct) }
                                    </> },
                                    Rule::Reduction { indicator, comparator, threshold_pct } => html! { <>
                                        { ind_select(tr(lang, "chỉ số kéo giảm", "indicator to reduce"), "ind", indicator) }
                                        { cmp_select(*comparator) }{ threshold(*threshold_pct) }
                                    </> },
                                    Rule::NoIncrease { indicators } | Rule::Decrease { indicators } => html! {
                                        <fieldset class="criteria"><legend>{tl(tr(lang, "các chỉ số", "indicators"))}</legend>
                                        { for pact.indicators.iter().map(|d| {
                                            let on = on_field.clone();
                                            let k = key(&format!("crit.{}", d.id));
                                            let checked = indicators.contains(&d.id);
                                            let onchange = Callback::from(move |e: Event| {
                                                let input: HtmlInputElement = e.target_unchecked_into();
                                                on.emit((k.clone(), input.checked().to_string()));
                                            });
                                            html! { <label class="check"><input type="checkbox" {checked} {onchange} />{d.name.get(lang).to_string()}</label> }
                                        })}
                                        if let Some(m) = errs.iter().find(|(k, _)| k.starts_with(&key("crit"))).map(|(_, (_, m))| m) {
                                            <span class="field-error" role="alert">{m.join("; ")}</span>
                                        }
                                        </fieldset>
                                    },
                                    Rule::Manual => html! { <span class="muted">{tr(lang, "Chấm điểm: tự chấm và thẩm định", "Scored by review: self and verified scores")}</span> },
                                };
                                let scorings: Vec<(String, String)> = if target.rule == Rule::Manual {
                                    vec![("manual".into(), scoring_label(ScoringMethod::Manual, lang).into())]
                                } else {
                                    [ScoringMethod::AllOrNothing, ScoringMethod::Proportional, ScoringMethod::RelativeToBest]
                                        .into_iter().map(|s| (pact_edit::scoring_key(s).into(), scoring_label(s, lang).into())).collect()
                                };
                                html! {
                                    <div class="target-edit" role="group" aria-label={trf(lang, format!("Chỉ tiêu {num}"), format!("Target {num}"))}>
                                        <strong class="tnum">{num.clone()}</strong>
                                        { field(tl(tr(lang, "tên (tiếng Việt)", "title (Vietnamese)")), target.title.vi.clone(), &key("title.vi"), errs, &on_field, false, lang) }
                                        { field(tl(tr(lang, "tên (tiếng Anh)", "title (English)")), target.title.en.clone(), &key("title.en"), errs, &on_field, false, lang) }
                                        { choice(tl(tr(lang, "loại", "kind")), RULE_KINDS.iter().map(|k| (k.to_string(), kind_label(k, lang).to_string())).collect(), kind, &key("kind"), errs, &on_field) }
                                        { rule_fields }
                                        { field(tl(tr(lang, "điểm tối đa", "maximum points")), dec(target.max_points, lang), &key("max"), errs, &on_field, true, lang) }
                                        { choice(tl(tr(lang, "cách tính điểm", "scoring")), scorings, pact_edit::scoring_key(target.scoring), &key("scoring"), errs, &on_field) }
                                        <span class="row-actions">
                                            <button type="button" id={move_id("target", &format!("{c}-{t}"), true)} onclick={mover(Command::MoveTarget(c, t, true), "target", t, content.targets.len(), true, &|j| format!("{c}-{j}"))} disabled={t == 0} aria-label={tl(tr(lang, "lên trên", "move up"))}>{"↑"}</button>
                                            <button type="button" id={move_id("target", &format!("{c}-{t}"), false)} onclick={mover(Command::MoveTarget(c, t, false), "target", t, content.targets.len(), false, &|j| format!("{c}-{j}"))} disabled={t + 1 == content.targets.len()} aria-label={tl(tr(lang, "xuống dưới", "move down"))}>{"↓"}</button>
                                            <button type="button" onclick={ask(Confirm::RemoveTarget(c, t))} aria-label={tl(tr(lang, "xóa", "remove"))}>{tr(lang, "Xóa…", "Remove…")}</button>
                                        </span>
                                    </div>
                                }
                            })}
                            <button type="button" onclick={cmd(Command::AddTarget(c))}>{cl(tr(lang, "thêm chỉ tiêu", "add a target"))}</button>
                        </fieldset>
                    }
                })}
                <button type="button" onclick={cmd(Command::AddContent)}>{tr(lang, "Thêm nội dung", "Add a content")}</button>
            </section>

            <section aria-labelledby="h-caps">
                <h3 id="h-caps">{tr(lang, "Điểm thưởng, điểm trừ và xếp loại", "Bonus, deduction and classification")}</h3>
                <div class="grid2">
                    { field(tr(lang, "Điểm thưởng tối đa", "Most bonus points").into(), dec(pact.adjustments.bonus_cap, lang), "caps.bonus", errs, &on_field, true, lang) }
                    { field(tr(lang, "Điểm trừ tối đa", "Most deduction points").into(), dec(pact.adjustments.deduction_cap, lang), "caps.deduction", errs, &on_field, true, lang) }
                </div>
                <table>
                    <caption>{tr(lang, "Mức xếp loại", "Classification levels")}</caption>
                    <thead><tr>
                        { column_headings(&[
                            tr(lang, "Mức", "Level"),
                            tr(lang, "Tổng điểm tối thiểu", "Lowest total"),
                            tr(lang, "Mỗi nội dung đạt tối thiểu (% điểm tối đa)", "Each content at least (% of its maximum)"),
                        ]) }
                    </tr></thead>
                    <tbody>
                    { for pact.classification.iter().enumerate().map(|(i, l)| {
                        let name = l.name.get(lang).to_string();
                        html! {
                            <tr>
                                <th scope="row">{name.clone()}</th>
                                <td>{ field(format!("{name} — {}", tr(lang, "tổng điểm tối thiểu", "lowest total")), l.min_total.map(|d| dec(d, lang)).unwrap_or_default(), &format!("level.{i}.min"), errs, &on_field, true, lang) }</td>
                                <td>{ field(format!("{name} — {}", tr(lang, "mỗi nội dung tối thiểu (%)", "each content at least (%)")), l.content_floor_pct.map(|d| dec(d, lang)).unwrap_or_default(), &format!("level.{i}.floor"), errs, &on_field, true, lang) }</td>
                            </tr>
                        }
                    })}
                    </tbody>
                </table>
            </section>
            { render_confirm() }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::follow;

    #[test]
    fn the_focus_follows_the_moved_item() {
        // Down from the first of five: the second, still "down".
        assert_eq!(follow(0, 5, false), (1, false));
        // Down to the last: its "down" is disabled, so "up".
        assert_eq!(follow(3, 5, false), (4, true));
        // Up from the last: the fourth, still "up".
        assert_eq!(follow(4, 5, true), (3, true));
        // Up to the first: its "up" is disabled, so "down".
        assert_eq!(follow(1, 5, true), (0, false));
        // Two items: either move reaches an edge.
        assert_eq!(follow(0, 2, false), (1, true));
        assert_eq!(follow(1, 2, true), (0, false));
    }
}
